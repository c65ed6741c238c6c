using KMN.Orleans.TestSupport;
using Npgsql;

namespace KMN.Orleans.BrowserTests.Infrastructure;

/// <summary>
/// The silo is ready before its demo load finishes. Pages read the directory projection, so the fixture
/// waits until every demo facility and patient is in it rather than racing the loader.
/// </summary>
public static class DemoNetworkProbe
{
    public static Task WaitUntilLoadedAsync(
        string connectionString, int facilities, int patients, DotnetProcess silo, TimeSpan timeout) =>
        Readiness.WaitUntilAsync("the demo network in the directory", silo, timeout, async () =>
        {
            try
            {
                var (haveFacilities, havePatients) = await CountAsync(connectionString);
                return haveFacilities >= facilities && havePatients >= patients
                    ? null
                    : $"{haveFacilities} facilities and {havePatients} patients so far";
            }
            catch (NpgsqlException ex)
            {
                return ex.Message;
            }
        });

    private static async Task<(long Facilities, long Patients)> CountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM kmn_facility_directory), (SELECT count(*) FROM kmn_patient_directory)", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
