using KMN.Orleans.TestSupport;
using Npgsql;

namespace KMN.Orleans.FhirTests.Infrastructure;

/// <summary>Codes of demo facilities of the kinds the tests act as, once the demo network is loaded.</summary>
public sealed record DemoFacilities(string Hospital, string Clinic, string Pharmacy, string CareHome)
{
    public static async Task<DemoFacilities> WaitAsync(string connectionString, DotnetProcess silo, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (silo.HasExited)
                throw new InvalidOperationException($"silo exited while loading the demo.{Environment.NewLine}{silo.Describe()}");
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(
                    "SELECT kind, min(code) FROM kmn_facility_directory WHERE status = 2 GROUP BY kind", connection);
                await using var reader = await command.ExecuteReaderAsync();
                var byKind = new Dictionary<short, string>();
                while (await reader.ReadAsync())
                    byKind[reader.GetInt16(0)] = reader.GetString(1);
                // 1 hospital, 2 clinic, 4 pharmacy, 6 care home (FacilityKind)
                if (byKind.Count >= 7)
                    return new DemoFacilities(byKind[1], byKind[2], byKind[4], byKind[6]);
            }
            catch (PostgresException)
            {
                // schema not there yet
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"demo facilities not loaded.{Environment.NewLine}{silo.Describe()}");
    }
}
