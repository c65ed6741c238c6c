using KMN.Orleans.BrowserTests.Infrastructure;
using Npgsql;

namespace KMN.Orleans.BrowserTests.Chart;

/// <summary>
/// Facts about the demo patients read from the fixture's database, so the chart tests pick patients whose
/// consent really covers the card's facility instead of trusting a hard-coded plan.
/// </summary>
public sealed class ChartDemoData(KmnNetworkFixture network)
{
    /// <summary>Demo patient index 1: consents to every facility and has a duplicate prescription (grains/Demo/Clinical/SpecialStories.cs).</summary>
    public const string DuplicatePatient = "430000000002";

    /// <summary>Demo patient index 0: ten years of history, yearly checkups.</summary>
    public const string HeaviestPatient = "430000000001";

    /// <summary>A staff card's facility code: demo accounts are "{facility code}-NN" (DemoStaffPlan).</summary>
    public static string FacilityOf(DemoCard card) => card.Account.Split('-')[0];

    /// <summary>Whether the patient's consent in force (the newest version) lets <paramref name="facility"/> see the chart.</summary>
    public async Task<bool> ConsentCoversAsync(string patient, string facility) =>
        await ScalarAsync<bool?>("""
            SELECT NOT revoked AND (all_facilities OR @facility = ANY(permitted_facilities))
            FROM kmn_consent_version WHERE network_patient_id = @patient ORDER BY version DESC LIMIT 1
            """, ("patient", patient), ("facility", facility)) == true;

    /// <summary>A patient with a chart number at <paramref name="facility"/> whose consent covers it, with that number and the kana name.</summary>
    public async Task<(string Patient, string ChartNumber, string Kana)> ChartedPatientAsync(string facility)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT c.network_patient_id, c.chart_number, d.family_name_kana || ' ' || d.given_name_kana
            FROM kmn_patient_chart_number c JOIN kmn_patient_directory d USING (network_patient_id)
            WHERE c.facility_code = @facility ORDER BY c.network_patient_id
            """, connection);
        command.Parameters.AddWithValue("facility", facility);
        var candidates = new List<(string, string, string)>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                candidates.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        foreach (var candidate in candidates)
            if (await ConsentCoversAsync(candidate.Item1, facility))
                return candidate;
        throw new InvalidOperationException($"No demo patient with a chart number at {facility} consents to it.");
    }

    /// <summary>The patient's chart number at <paramref name="facility"/>, or null.</summary>
    public Task<string?> ChartNumberAsync(string patient, string facility) =>
        ScalarAsync<string?>("SELECT chart_number FROM kmn_patient_chart_number WHERE network_patient_id = @patient AND facility_code = @facility",
            ("patient", patient), ("facility", facility));

    /// <summary>The stored JSON of the newest version of a resource by its sender's id (for failure messages).</summary>
    public async Task<string> StoredAsync(string sourceId) =>
        await ScalarAsync<string?>("SELECT resource::text FROM kmn_clinical_resource WHERE source_id = @id ORDER BY seq DESC LIMIT 1",
            ("id", sourceId)) ?? $"(no stored resource {sourceId})";

    private async Task<T?> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(network.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
