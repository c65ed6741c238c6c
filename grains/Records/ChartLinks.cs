using KMN.Orleans.Grains.Abstractions.Records;
using Npgsql;

namespace KMN.Orleans.Grains.Records;

/// <summary>
/// Explicit links of a facility's chart number to an existing network patient, and their reversal. Each
/// change updates the cross-reference and appends an event (who, when, why) in one transaction.
/// </summary>
public sealed class ChartLinks(NpgsqlDataSource dataSource, RecordQueries queries)
{
    public async Task<ChartLinkResult> LinkAsync(ChartLink link, CancellationToken ct = default)
    {
        if (await queries.ResolvePatientAsync(link.PatientId, ct) is not { } patient)
            return ChartLinkResult.PatientNotFound;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await CurrentAsync(connection, link, ct);
        if (current == patient)
            return ChartLinkResult.AlreadyLinked;
        if (current is not null)
            return ChartLinkResult.LinkedToAnotherPatient; // unlink first: a chart number names one patient
        await ExecuteAsync(connection, """
            INSERT INTO kmn_patient_identity (facility_code, chart_system, chart_number, network_patient_id, linked_by, link_reason)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (facility_code, chart_system, chart_number) DO UPDATE SET
                network_patient_id = EXCLUDED.network_patient_id, linked_at = now(), linked_by = EXCLUDED.linked_by,
                link_reason = EXCLUDED.link_reason, unlinked_at = NULL, unlinked_by = NULL
            """, link, patient, ct);
        await LogAsync(connection, link, patient, "link", ct);
        await tx.CommitAsync(ct);
        return ChartLinkResult.Linked;
    }

    public async Task<ChartLinkResult> UnlinkAsync(ChartLink link, CancellationToken ct = default)
    {
        if (await queries.ResolvePatientAsync(link.PatientId, ct) is not { } patient)
            return ChartLinkResult.PatientNotFound;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await CurrentAsync(connection, link, ct) != patient)
            return ChartLinkResult.NotLinked;
        // The reason goes to the event; the cross-reference keeps who unlinked and when.
        await ExecuteAsync(connection, """
            UPDATE kmn_patient_identity SET unlinked_at = now(), unlinked_by = $5
            WHERE facility_code = $1 AND chart_system = $2 AND chart_number = $3 AND network_patient_id = $4
              AND unlinked_at IS NULL
            """, link, patient, ct, withReason: false);
        await LogAsync(connection, link, patient, "unlink", ct);
        await tx.CommitAsync(ct);
        return ChartLinkResult.Unlinked;
    }

    private static async Task<string?> CurrentAsync(NpgsqlConnection connection, ChartLink link, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT network_patient_id FROM kmn_patient_identity
            WHERE facility_code = $1 AND chart_system = $2 AND chart_number = $3 AND unlinked_at IS NULL
            FOR UPDATE
            """, connection);
        command.Parameters.AddWithValue(link.FacilityCode);
        command.Parameters.AddWithValue(link.Chart.System);
        command.Parameters.AddWithValue(link.Chart.Value);
        return await command.ExecuteScalarAsync(ct) as string;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, ChartLink link, string patient,
        CancellationToken ct, bool withReason = true)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(link.FacilityCode);
        command.Parameters.AddWithValue(link.Chart.System);
        command.Parameters.AddWithValue(link.Chart.Value);
        command.Parameters.AddWithValue(patient);
        command.Parameters.AddWithValue(link.PerformedBy);
        if (withReason)
            command.Parameters.AddWithValue(link.Reason);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task LogAsync(NpgsqlConnection connection, ChartLink link, string patient, string action, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO kmn_patient_identity_event (facility_code, chart_system, chart_number, network_patient_id,
                action, performed_by, reason)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """, connection);
        command.Parameters.AddWithValue(link.FacilityCode);
        command.Parameters.AddWithValue(link.Chart.System);
        command.Parameters.AddWithValue(link.Chart.Value);
        command.Parameters.AddWithValue(patient);
        command.Parameters.AddWithValue(action);
        command.Parameters.AddWithValue(link.PerformedBy);
        command.Parameters.AddWithValue(link.Reason);
        await command.ExecuteNonQueryAsync(ct);
    }
}
