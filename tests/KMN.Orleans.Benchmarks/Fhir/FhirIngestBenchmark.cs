using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using KMN.Orleans.Import;
using Npgsql;
using NpgsqlTypes;

namespace KMN.Orleans.Benchmarks.Fhir;

/// <summary>
/// Issue 4's ingest numbers: the Synthea folder uploaded through the FHIR API (mutual TLS, validation,
/// reference rewriting, one transaction per bundle, durable PostgreSQL), and the same resources' JSON written
/// with raw binary COPY into a plain table — resources/s of both, their ratio, and where the CPU went. Each is
/// measured several times, alternating, and the medians are compared: a shared 2-core machine is noisy.
/// </summary>
public static class FhirIngestBenchmark
{
    private const int MinWarmUpPasses = 3;

    /// <summary>A warm-up pass that compiles fewer methods than this in the silo means its JIT has caught up.</summary>
    private const int SettledJitMethods = 100;

    public static async Task RunAsync(BenchCluster cluster, FhirApiProcess api, int parallel, int passes)
    {
        Console.WriteLine($"PostgreSQL: {await DurablePostgres.DescribeAsync(cluster.ConnectionString)}");
        var files = Directory.GetFiles(BenchLayout.SyntheaFolder, "*.json").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            throw new InvalidOperationException($"No Synthea bundles in {BenchLayout.SyntheaFolder}.");
        passes = Math.Clamp(passes, 1, api.Uploaders.Count);
        await WarmUpAsync(cluster, api, files, parallel, passes);

        var ingests = new List<(BundleUploader.Summary Summary, CpuUsage Cpu)>();
        var copies = new List<(double Rate, TimeSpan Elapsed, CpuUsage Cpu)>();
        for (var pass = 0; pass < passes; pass++)
        {
            var (client, code) = api.Uploaders[pass];
            var bodies = Enrolled(files, code, out var resources);
            var before = CpuUsage.Snapshot(cluster.PostgresDataDirectory);
            var jit = JitActivity.Snapshot();
            var http = await new BundleUploader(client, parallel).UploadAsync(bodies);
            ingests.Add((http, CpuUsage.Snapshot(cluster.PostgresDataDirectory) - before));
            Console.WriteLine($"  pass {pass + 1}: FHIR ingest {http.Resources:N0} resources, {http.Failures.Count} errors in " +
                              $"{http.Elapsed.TotalSeconds:F2} s = {http.ResourcesPerSecond:N0} resources/s   ({ingests[^1].Cpu}; {JitActivity.Snapshot() - jit})");
            foreach (var failure in http.Failures.Take(3))
                Console.WriteLine($"    failed {failure}");

            before = CpuUsage.Snapshot(cluster.PostgresDataDirectory);
            var copy = await RawCopyAsync(cluster.ConnectionString, resources);
            copies.Add((resources.Count / copy.TotalSeconds, copy, CpuUsage.Snapshot(cluster.PostgresDataDirectory) - before));
            Console.WriteLine($"  pass {pass + 1}: raw COPY {resources.Count:N0} resources in {copy.TotalSeconds:F2} s = " +
                              $"{copies[^1].Rate:N0} resources/s   ({copies[^1].Cpu})");
        }

        var ingest = ingests.OrderBy(i => i.Summary.ResourcesPerSecond).ElementAt(ingests.Count / 2);
        var raw = copies.OrderBy(c => c.Rate).ElementAt(copies.Count / 2);
        var total = ingest.Summary;
        Console.WriteLine($"FHIR ingest over HTTPS ({parallel} parallel, median of {passes}): {total.Bundles} bundles, {total.Resources:N0} resources, " +
                          $"{total.Failures.Count} errors in {total.Elapsed.TotalSeconds:F2} s = {total.ResourcesPerSecond:N0} resources/s");
        Console.WriteLine($"  {ingest.Cpu} in {total.Elapsed.TotalSeconds:F2} s wall");
        Console.WriteLine($"raw COPY of the same JSON into a plain jsonb table (median of {passes}): {total.Resources:N0} resources in " +
                          $"{raw.Elapsed.TotalSeconds:F2} s = {raw.Rate:N0} resources/s");
        Console.WriteLine($"  {raw.Cpu} in {raw.Elapsed.TotalSeconds:F2} s wall");
        // Rolled-back transactions are mostly uploads that raced another upload for a shared resource and were retried.
        Console.WriteLine($"rolled-back transactions during the run (retried uploads): {await RollbacksAsync(cluster.ConnectionString)}");
        Console.WriteLine($"ingest / COPY ratio: {total.ResourcesPerSecond / raw.Rate:F2}  (target >= 3,000 resources/s and >= 0.30)");
    }

    /// <summary>
    /// Warm-up passes as other facilities (model tables, connection pools, and the JIT), each followed by a raw COPY as
    /// in the measured passes, so both sides are measured warm; then a wait until the web and the silo are idle. .NET
    /// recompiles hot methods in the background (instrumented, then optimized) only after they have been called often
    /// enough, so an idle process can still owe the JIT work and three passes were not always enough: the first
    /// measured passes then paid up to a second of silo JIT each. Warm-up goes on (with the facilities there are)
    /// until a pass compiles fewer than <see cref="SettledJitMethods"/> methods in the silo. The rows stay, so the
    /// measured passes write into tables that already hold full copies.
    /// </summary>
    private static async Task WarmUpAsync(BenchCluster cluster, FhirApiProcess api, IReadOnlyList<string> files, int parallel, int passes)
    {
        var facilities = new List<(HttpClient Client, string Code)> { (api.Clinic, api.ClinicCode) };
        facilities.AddRange(api.Uploaders.Skip(passes));
        var (done, settled) = (0, false);
        foreach (var (client, code) in facilities)
        {
            var bodies = Enrolled(files, code, out var resources);
            var before = CpuUsage.Snapshot(cluster.PostgresDataDirectory);
            var jit = JitActivity.Snapshot();
            var warmUp = await new BundleUploader(client, parallel).UploadAsync(bodies);
            await RawCopyAsync(cluster.ConnectionString, resources);
            var compiled = JitActivity.Snapshot() - jit;
            Console.WriteLine($"warm-up pass (another facility) and COPY: {warmUp.ResourcesPerSecond:N0} resources/s, {warmUp.Failures.Count} errors" +
                              $"   ({CpuUsage.Snapshot(cluster.PostgresDataDirectory) - before}; {compiled})");
            settled = compiled.Methods < SettledJitMethods;
            if (++done >= MinWarmUpPasses && settled)
                break;
        }
        var quiet = await CpuUsage.WaitForQuietAsync(cluster.PostgresDataDirectory, TimeSpan.FromSeconds(60));
        Console.WriteLine($"idle after {done} warm-up passes: {(quiet ? "yes" : "no (still busy after 60 s)")}" +
                          (settled ? "" : "; silo JIT not settled (out of facilities): the measured passes may still pay for it"));
    }

    /// <summary>Each bundle with the facility's chart number and a Consent, as UTF-8; and every resource's JSON for COPY.</summary>
    private static List<BundleUploader.Body> Enrolled(IReadOnlyList<string> files, string facility, out List<string> resources)
    {
        var bodies = new List<BundleUploader.Body>();
        resources = [];
        foreach (var file in files)
        {
            var bundle = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            BundleEnrollment.Enroll(bundle, facility);
            var entries = bundle["entry"]!.AsArray();
            resources.AddRange(entries.Select(e => e!["resource"]!.ToJsonString()));
            bodies.Add(new BundleUploader.Body(Path.GetFileName(file), JsonSerializer.SerializeToUtf8Bytes(bundle), entries.Count));
        }
        return bodies;
    }

    private static async Task<long> RollbacksAsync(string connectionString)
    {
        await Task.Delay(TimeSpan.FromSeconds(1)); // backends report their counts about once a second
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT xact_rollback FROM pg_stat_database WHERE datname = current_database()", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<TimeSpan> RawCopyAsync(string connectionString, IReadOnlyList<string> resources)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS bench_raw_resource (id bigint GENERATED ALWAYS AS IDENTITY, resource jsonb NOT NULL)", connection))
            await create.ExecuteNonQueryAsync();
        var clock = Stopwatch.StartNew();
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await using (var import = await connection.BeginBinaryImportAsync("COPY bench_raw_resource (resource) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var json in resources)
                {
                    await import.StartRowAsync();
                    await import.WriteAsync(json, NpgsqlDbType.Jsonb);
                }
                await import.CompleteAsync();
            }
            await tx.CommitAsync();
        }
        return clock.Elapsed;
    }
}
