using System.Globalization;

namespace KMN.Orleans.Benchmarks.Fhir;

/// <summary>
/// CPU seconds spent by each process of the benchmark (Linux /proc): the web, this process (the silo and the
/// HTTP client), and PostgreSQL (the postmaster and its backends). The difference of two snapshots says where
/// a measured pass spent its time; on 2 cores the sum is what limits throughput.
/// </summary>
public sealed record CpuUsage(double Web, double BenchAndSilo, double Postgres)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static CpuUsage Snapshot(string postgresDataDirectory) =>
        new(WebSeconds(), ProcessSeconds(Environment.ProcessId, withChildren: false), PostgresSeconds(postgresDataDirectory));

    /// <summary>
    /// Waits until the web and this process together use under a tenth of a core for a whole second (background
    /// JIT and garbage collection done), or the limit passes; false then.
    /// </summary>
    public static async Task<bool> WaitForQuietAsync(string postgresDataDirectory, TimeSpan limit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var last = Snapshot(postgresDataDirectory);
        while (clock.Elapsed < limit)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = Snapshot(postgresDataDirectory);
            var busy = now - last;
            if (busy.Web + busy.BenchAndSilo < 0.1)
                return true;
            last = now;
        }
        return false;
    }

    public static CpuUsage operator -(CpuUsage a, CpuUsage b) =>
        new(a.Web - b.Web, a.BenchAndSilo - b.BenchAndSilo, a.Postgres - b.Postgres);

    public override string ToString() =>
        $"CPU s: web {Web:F2}, silo+client {BenchAndSilo:F2}, PostgreSQL {Postgres:F2}, total {Web + BenchAndSilo + Postgres:F2}";

    private static double WebSeconds() =>
        ChildrenOf(Environment.ProcessId).Where(pid => CommandLine(pid).Contains("KMN.Orleans.Web.dll", StringComparison.Ordinal))
            .Sum(pid => ProcessSeconds(pid, withChildren: false));

    private static double PostgresSeconds(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture, out var postmaster))
            return 0;
        // Exited backends are counted in the postmaster's children times.
        return ProcessSeconds(postmaster, withChildren: true) + ChildrenOf(postmaster).Sum(pid => ProcessSeconds(pid, withChildren: false));
    }

    private static IEnumerable<int> ChildrenOf(int parent) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && Stat(pid) is { Length: > 3 } s && s[3] == parent.ToString(CultureInfo.InvariantCulture));

    private static double ProcessSeconds(int pid, bool withChildren)
    {
        if (Stat(pid) is not { Length: > 16 } s)
            return 0;
        // Fields (1-based) 14 utime, 15 stime, 16 cutime, 17 cstime; s[0] is field 1.
        var ticks = long.Parse(s[13], CultureInfo.InvariantCulture) + long.Parse(s[14], CultureInfo.InvariantCulture);
        if (withChildren)
            ticks += long.Parse(s[15], CultureInfo.InvariantCulture) + long.Parse(s[16], CultureInfo.InvariantCulture);
        return ticks / TicksPerSecond;
    }

    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: split after it.
            var close = text.LastIndexOf(')');
            return [text[..text.IndexOf(' ')], text[(text.IndexOf('(') + 1)..close], .. text[(close + 2)..].Split(' ')];
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }
}
