using KMN.Orleans.Benchmarks;

// Usage: KMN.Orleans.Benchmarks [--generator N] [--sample N] [--grow-to N]
// Prints numbers and ratios; never asserts. Performance targets live here, not in unit tests.
var options = BenchOptions.Parse(args);
Console.WriteLine($"KMN.Orleans benchmarks  {DateTimeOffset.Now:yyyy-MM-dd HH:mm}  cores={Environment.ProcessorCount}");

GeneratorBenchmark.Run(options.GeneratorPatients);

await using (var cluster = await BenchCluster.StartAsync())
{
    await EnrollmentBenchmark.RunAsync(cluster, options.Sample, options.GrowTo);
}
return 0;
