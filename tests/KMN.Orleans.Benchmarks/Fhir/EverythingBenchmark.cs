using System.Text.Json.Nodes;
using Npgsql;

namespace KMN.Orleans.Benchmarks.Fhir;

/// <summary>
/// $everything of the patient with the most resources, every page followed: warm (grains active) and cold
/// (all idle activations collected first, so the patient's record grain reactivates and reloads its consents).
/// </summary>
public static class EverythingBenchmark
{
    public static async Task RunAsync(BenchCluster cluster, FhirApiProcess api, int samples)
    {
        var (patient, rows) = await LargestPatientAsync(cluster.ConnectionString);
        var resources = await ReadAllAsync(api.Hospital, patient); // warm-up
        var warm = new Measurement($"$everything warm ({resources:N0} resources, {rows:N0} rows)");
        var cold = new Measurement("$everything cold (activations collected)");
        var management = cluster.Grains.GetGrain<IManagementGrain>(0);
        for (var i = 0; i < samples; i++)
        {
            await warm.TimeAsync(() => ReadAllAsync(api.Hospital, patient));
            await management.ForceActivationCollection(TimeSpan.Zero);
            await cold.TimeAsync(() => ReadAllAsync(api.Hospital, patient));
        }
        Console.WriteLine(warm);
        Console.WriteLine(cold);
    }

    private static async Task<(string Patient, long Rows)> LargestPatientAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT network_patient_id, count(*) FROM kmn_clinical_resource
            WHERE network_patient_id IS NOT NULL
            GROUP BY 1 ORDER BY 2 DESC LIMIT 1
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetInt64(1));
    }

    private static async Task<int> ReadAllAsync(HttpClient http, string patient)
    {
        var count = 0;
        string? next = $"Patient/{patient}/$everything?_count=1000";
        while (next is not null)
        {
            var page = JsonNode.Parse(await http.GetStringAsync(next))!;
            count += page["entry"]!.AsArray().Count;
            next = page["link"]!.AsArray().FirstOrDefault(l => (string?)l!["relation"] == "next")?["url"]?.GetValue<string>();
        }
        return count;
    }
}
