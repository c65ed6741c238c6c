using KMN.Orleans.Benchmarks;
using KMN.Orleans.Benchmarks.Fhir;

// Usage: KMN.Orleans.Benchmarks [--generator N] [--sample N] [--grow-to N] [--only foundation|fhir]
// Prints numbers and ratios; never asserts. Performance targets live here, not in unit tests.
var options = BenchOptions.Parse(args);
Console.WriteLine($"KMN.Orleans benchmarks  {DateTimeOffset.Now:yyyy-MM-dd HH:mm}  cores={Environment.ProcessorCount}");

if (options.Runs("foundation"))
{
    GeneratorBenchmark.Run(options.GeneratorPatients);
    await using var cluster = await BenchCluster.StartAsync();
    await EnrollmentBenchmark.RunAsync(cluster, options.Sample, options.GrowTo);
}

// Clinical records (issue 4): a fresh cluster, the FHIR API as a process, durable PostgreSQL.
if (options.Runs("fhir"))
{
    await using var cluster = await BenchCluster.StartAsync();
    await using var api = await FhirApiProcess.StartAsync(cluster);
    await FhirIngestBenchmark.RunAsync(cluster, api, parallel: 4);
    await AppendCostBenchmark.RunAsync(api, samples: 50);
    await EverythingBenchmark.RunAsync(cluster, api, samples: 10);
}
return 0;
