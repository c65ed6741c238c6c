using Npgsql;

namespace KMN.Orleans.Grains.Records;

/// <summary>Rows of kmn_audit_event: every FHIR read and upload, written before data leaves the cluster.</summary>
internal static class AuditEvents
{
    public static NpgsqlBatchCommand Command(string facility, string action, string? patient, string query,
        int count, string outcome)
    {
        var command = new NpgsqlBatchCommand("""
            INSERT INTO kmn_audit_event (facility_code, action, network_patient_id, query, resource_count, outcome)
            VALUES ($1, $2, $3, $4, $5, $6)
            """);
        command.Parameters.AddWithValue(facility);
        command.Parameters.AddWithValue(action);
        command.Parameters.AddWithValue((object?)patient ?? DBNull.Value);
        command.Parameters.AddWithValue(query);
        command.Parameters.AddWithValue(count);
        command.Parameters.AddWithValue(outcome);
        return command;
    }

    public static async Task WriteAsync(NpgsqlDataSource dataSource, string facility, string action, string? patient,
        string query, int count, string outcome, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(Command(facility, action, patient, query, count, outcome));
        await batch.ExecuteNonQueryAsync(ct);
    }
}
