using System.Diagnostics;
using KMN.Orleans.Grains.Demo;

namespace KMN.Orleans.Benchmarks;

/// <summary>
/// How fast the seeded generator streams patients: the demo network must scale to Kumamoto × 10
/// (about 4.7 million patients), so generating one patient has to stay in the microseconds.
/// </summary>
public static class GeneratorBenchmark
{
    public static void Run(int patients)
    {
        var generator = new DemoNetworkGenerator(4300);
        var facilities = generator.Facilities();
        var watch = Stopwatch.StartNew();
        long chartNumbers = 0;
        foreach (var p in generator.Patients(patients, facilities))
            chartNumbers += p.ChartNumbers.Length;
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"generator: {patients:N0} patients ({chartNumbers:N0} chart numbers) in {seconds:F2} s " +
                          $"= {patients / seconds:N0} patients/s");
    }
}
