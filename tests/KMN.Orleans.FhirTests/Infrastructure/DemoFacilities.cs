using KMN.Orleans.TestSupport;
using Npgsql;

namespace KMN.Orleans.FhirTests.Infrastructure;

/// <summary>Codes of demo facilities of the kinds the tests act as, once the demo network is loaded.</summary>
public sealed record DemoFacilities(string Hospital, string Clinic, string Pharmacy, string CareHome)
{
    public static async Task<DemoFacilities> WaitAsync(string connectionString, DotnetProcess silo, TimeSpan timeout)
    {
        DemoFacilities? found = null;
        await Readiness.WaitUntilAsync("the demo facilities", silo, timeout, async () =>
        {
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
                if (byKind.Count < 7)
                    return $"{byKind.Count} of 7 facility kinds loaded";
                // 1 hospital, 2 clinic, 4 pharmacy, 6 care home (FacilityKind)
                found = new DemoFacilities(byKind[1], byKind[2], byKind[4], byKind[6]);
                return null;
            }
            catch (PostgresException e)
            {
                return $"schema not there yet ({e.MessageText})";
            }
        });
        return found!;
    }
}
