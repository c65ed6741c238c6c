using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.Grains.Abstractions.Records;
using Npgsql;

namespace KMN.Orleans.Grains.Records;

/// <summary>
/// (facility, chart number) → network patient. The first upload of a chart number creates the network patient;
/// an unlinked chart number uploaded again starts a new one. Explicit links live in <see cref="ChartLinks"/>.
/// </summary>
internal static class PatientIdentityStore
{
    public static async Task<string> ResolveOrCreateAsync(NpgsqlConnection connection, string facility,
        BusinessIdentifier chart, CancellationToken ct)
    {
        // The INSERT only wins for a chart number never seen (or unlinked); a racing upload of the same chart
        // number waits on the primary key and then reads the winner's row, so one chart number never makes two patients.
        await using var command = new NpgsqlCommand("""
            WITH created AS (
                INSERT INTO kmn_patient_identity (facility_code, chart_system, chart_number, network_patient_id)
                -- A chart number the directory already knows (enrolled at the facility before any upload, as the
                -- demo network is) keeps its patient; only a chart number never seen makes a new network patient.
                VALUES ($1, $2, $3, COALESCE(
                    (SELECT network_patient_id FROM kmn_patient_chart_number
                     WHERE facility_code = $1 AND chart_number = $3 AND $2 = $4),
                    '43' || lpad(nextval('kmn_network_patient_seq')::text, 10, '0')))
                ON CONFLICT (facility_code, chart_system, chart_number) DO UPDATE SET
                    network_patient_id = EXCLUDED.network_patient_id, linked_at = now(), linked_by = NULL,
                    link_reason = NULL, unlinked_at = NULL, unlinked_by = NULL
                    WHERE kmn_patient_identity.unlinked_at IS NOT NULL
                RETURNING network_patient_id),
            logged AS (
                INSERT INTO kmn_patient_identity_event (facility_code, chart_system, chart_number, network_patient_id, action)
                SELECT $1, $2, $3, network_patient_id, 'create' FROM created)
            SELECT network_patient_id FROM created
            UNION ALL
            SELECT network_patient_id FROM kmn_patient_identity
            WHERE facility_code = $1 AND chart_system = $2 AND chart_number = $3 AND unlinked_at IS NULL
            LIMIT 1
            """, connection);
        command.Parameters.AddWithValue(facility);
        command.Parameters.AddWithValue(chart.System);
        command.Parameters.AddWithValue(chart.Value);
        command.Parameters.AddWithValue(ChartNumberSystem.For(facility)); // $4: only the facility's own chart numbers are in the directory
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }
}
