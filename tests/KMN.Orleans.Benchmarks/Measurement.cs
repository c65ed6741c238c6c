using System.Diagnostics;

namespace KMN.Orleans.Benchmarks;

/// <summary>Latency samples of one operation, summarised as the percentiles people compare.</summary>
public sealed class Measurement(string name)
{
    private readonly List<double> _millis = [];

    public string Name { get; } = name;
    public int Count => _millis.Count;

    public async Task<T> TimeAsync<T>(Func<Task<T>> operation)
    {
        var watch = Stopwatch.StartNew();
        var result = await operation();
        lock (_millis) _millis.Add(watch.Elapsed.TotalMilliseconds);
        return result;
    }

    public double Percentile(double p)
    {
        var sorted = _millis.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var index = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }

    public override string ToString() =>
        $"{Name,-44} n={Count,6}  p50={Percentile(50),8:F2} ms  p95={Percentile(95),8:F2} ms  p99={Percentile(99),8:F2} ms";
}
