using System.Runtime;

namespace KMN.Orleans.Benchmarks.Fhir;

/// <summary>
/// How much the JIT compiled in this process (the silo and the HTTP client) between two snapshots. Tiered
/// compilation recompiles hot methods only after they have been called often enough, so a process that looks idle
/// can still owe the JIT work that the next upload pass pays for; the counts show whether a pass ran warm code.
/// </summary>
public readonly record struct JitActivity(long Methods, TimeSpan Time)
{
    public static JitActivity Snapshot() => new(JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());

    public static JitActivity operator -(JitActivity a, JitActivity b) => new(a.Methods - b.Methods, a.Time - b.Time);

    public override string ToString() => $"silo JIT {Methods:N0} methods, {Time.TotalMilliseconds:N0} ms";
}
