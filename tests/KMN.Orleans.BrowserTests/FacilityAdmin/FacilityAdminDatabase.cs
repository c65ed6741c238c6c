using Npgsql;

namespace KMN.Orleans.BrowserTests.FacilityAdmin;

/// <summary>What the facility administration tests check in the test network's database, read-only.</summary>
public static class FacilityAdminDatabase
{
    /// <summary>The patients whose current consent lets <paramref name="facility"/> open the chart, by network id.</summary>
    public static async Task<IReadOnlyList<string>> OpenableAsync(string connectionString, string facility)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT network_patient_id FROM (
                SELECT DISTINCT ON (network_patient_id) *
                FROM kmn_consent_version ORDER BY network_patient_id, version DESC) current
            WHERE NOT revoked AND (all_facilities OR registered_by_facility = $1 OR $1 = ANY (permitted_facilities))
            ORDER BY network_patient_id
            """, connection);
        command.Parameters.AddWithValue(facility);
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<string>();
        while (await reader.ReadAsync())
            result.Add(reader.GetString(0));
        return result;
    }

    /// <summary>Consent versions and stored forms of one patient: a refused registration must add to neither.</summary>
    public static async Task<(long Versions, long Forms)> ConsentRowsAsync(string connectionString, string patient)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM kmn_consent_version WHERE network_patient_id = $1),
                   (SELECT count(*) FROM kmn_consent_form WHERE network_patient_id = $1)
            """, connection);
        command.Parameters.AddWithValue(patient);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
