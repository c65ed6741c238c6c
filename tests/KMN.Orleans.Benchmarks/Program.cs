using KMN.Orleans.Benchmarks;
using KMN.Orleans.Benchmarks.Chart;
using KMN.Orleans.Benchmarks.Fhir;

// Usage: KMN.Orleans.Benchmarks [--generator N] [--sample N] [--grow-to N] [--only foundation|fhir|access|chart] [--parallel N] [--passes N]
//        [--pg-statements 1] [--cold N] [--warm N] [--chart-page N]
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
    await using var cluster = await BenchCluster.StartAsync(durable: true, statements: options.PgStatements);
    await using var api = await FhirApiProcess.StartAsync(cluster);
    var statements = options.PgStatements ? await PgStatements.ResetAsync(cluster.ConnectionString) : null;
    await FhirIngestBenchmark.RunAsync(cluster, api, parallel: options.Parallel, passes: options.Passes);
    if (statements is not null)
        await statements.PrintAsync();
    await AppendCostBenchmark.RunAsync(api, samples: 50);
    await EverythingBenchmark.RunAsync(cluster, api, samples: 10);
}
// Access decision (issue 5): a warm patient and its facilities, next to a bare grain call on the same cluster.
if (options.Runs("access"))
{
    await using var cluster = await BenchCluster.StartAsync();
    await AccessDecisionBenchmark.RunAsync(cluster, samples: 20_000);
}
// Chart (issue 6): the heaviest demo patient's chart opened in Chromium on a network started like the browser tests'.
if (options.Runs("chart"))
    await ChartBenchmark.RunAsync(options.ColdOpens, options.WarmOpens, options.ChartPageSize);
return 0;
