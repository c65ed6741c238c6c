using System.Diagnostics;
using System.Text.Json.Nodes;
using KMN.Orleans.Import;
using Npgsql;
using NpgsqlTypes;

namespace KMN.Orleans.Benchmarks.Fhir;

/// <summary>
/// Issue 4's ingest numbers: the Synthea folder uploaded through the FHIR API (mutual TLS, validation,
/// reference rewriting, one transaction per bundle, durable PostgreSQL), and the same resources' JSON written
/// with raw binary COPY into a plain table — resources/s of both and their ratio.
/// </summary>
public static class FhirIngestBenchmark
{
    public static async Task RunAsync(BenchCluster cluster, FhirApiProcess api, int parallel)
    {
        await DurableAsync(cluster.ConnectionString);
        var files = Directory.GetFiles(BenchLayout.SyntheaFolder, "*.json").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            throw new InvalidOperationException($"No Synthea bundles in {BenchLayout.SyntheaFolder}.");

        // Warm-up pass as another facility (JIT, Firely's model caches, connection pools); its rows stay, so the
        // measured pass writes into a table that already holds a full copy.
        var warmUp = await new BundleImporter(api.Clinic, parallel, retries: 3, bundle =>
        {
            BundleEnrollment.Enroll(bundle, api.ClinicCode);
            return bundle;
        }).ImportAsync(files);
        Console.WriteLine($"warm-up pass (another facility): {warmUp.ResourcesPerSecond:N0} resources/s");

        var importer = new BundleImporter(api.Hospital, parallel, retries: 3, bundle =>
        {
            BundleEnrollment.Enroll(bundle, api.HospitalCode);
            return bundle;
        });
        var http = await importer.ImportAsync(files);
        Console.WriteLine($"FHIR ingest over HTTPS ({parallel} parallel): {http.Bundles} bundles, {http.Resources:N0} resources, " +
                          $"{http.Failures.Count} errors in {http.Elapsed.TotalSeconds:F1} s = {http.ResourcesPerSecond:N0} resources/s");
        foreach (var failure in http.Failures.Take(3))
            Console.WriteLine($"  failed {Path.GetFileName(failure.File)}: {failure.Status} {failure.Message}");

        var resources = files.SelectMany(f =>
        {
            var bundle = JsonNode.Parse(File.ReadAllText(f))!.AsObject();
            BundleEnrollment.Enroll(bundle, api.HospitalCode);
            return bundle["entry"]!.AsArray().Select(e => e!["resource"]!.ToJsonString());
        }).ToList();
        var copy = await RawCopyAsync(cluster.ConnectionString, resources);
        var copyRate = resources.Count / copy.TotalSeconds;
        Console.WriteLine($"raw COPY of the same JSON into a plain jsonb table: {resources.Count:N0} resources in " +
                          $"{copy.TotalSeconds:F2} s = {copyRate:N0} resources/s");
        Console.WriteLine($"ingest / COPY ratio: {http.ResourcesPerSecond / copyRate:F2}  (target >= 3,000 resources/s and >= 0.30)");
    }

    /// <summary>The test server runs with fsync off; the benchmark measures what production would pay.</summary>
    private static async Task DurableAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "ALTER SYSTEM SET fsync = on; ALTER SYSTEM SET synchronous_commit = on; SELECT pg_reload_conf();", connection);
        await command.ExecuteNonQueryAsync();
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
