using System.Diagnostics;
using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.Grains.Demo;

namespace KMN.Orleans.Benchmarks;

/// <summary>
/// Enrolling a patient (grain state write + directory projection) on real PostgreSQL, measured while the
/// network is small and again after it grew tenfold. The ratio shows whether a write's cost depends on
/// how many patients the network already holds (it should not: ≈ 1.0).
/// </summary>
public static class EnrollmentBenchmark
{
    private const int Parallelism = 16;

    public static async Task RunAsync(BenchCluster cluster, int sample, int growTo)
    {
        var generator = new DemoNetworkGenerator(4300);
        var facilities = generator.Facilities();
        var next = 0;

        await EnrollAsync(cluster, generator, facilities, next, sample, new Measurement("warm-up"));
        next += sample;

        var small = new Measurement($"enroll patient (network of {next:N0})");
        await EnrollAsync(cluster, generator, facilities, next, sample, small);
        next += sample;

        var fill = Stopwatch.StartNew();
        var filler = new Measurement("fill");
        await EnrollAsync(cluster, generator, facilities, next, growTo - next, filler);
        Console.WriteLine($"fill: {growTo - next:N0} patients in {fill.Elapsed.TotalSeconds:F1} s " +
                          $"= {(growTo - next) / fill.Elapsed.TotalSeconds:N0} enrolments/s at parallelism {Parallelism}");
        next = growTo;

        var large = new Measurement($"enroll patient (network of {next:N0})");
        await EnrollAsync(cluster, generator, facilities, next, sample, large);

        Console.WriteLine(small);
        Console.WriteLine(large);
        Console.WriteLine($"ratio p50 large/small = {large.Percentile(50) / small.Percentile(50):F2}  " +
                          $"p95 = {large.Percentile(95) / small.Percentile(95):F2}   (target ≤ 1.5)");
    }

    private static async Task EnrollAsync(BenchCluster cluster, DemoNetworkGenerator generator,
        IReadOnlyList<Grains.Abstractions.Facilities.FacilityProfile> facilities, int from, int count, Measurement m)
    {
        using var gate = new SemaphoreSlim(Parallelism);
        var tasks = Enumerable.Range(from, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var p = generator.Patient(i, facilities);
                await m.TimeAsync(() => cluster.Grains.GetGrain<IPatientGrain>(p.NetworkPatientId).EnrollAsync(p));
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(tasks);
    }
}
