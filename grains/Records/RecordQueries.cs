using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Records;
using Npgsql;

namespace KMN.Orleans.Grains.Records;

/// <summary>
/// The read side of the append-only table. Every query takes the caller and whether the consent permits it,
/// and filters rows in SQL: a row is visible to the facility that uploaded it, or to anyone the consent permits.
/// </summary>
public sealed class RecordQueries(NpgsqlDataSource dataSource)
{
    // Latest version of each resource of a patient plus the shared resources its uploads carried, from the head
    // index (one row per resource, however long the history); only the page's rows are fetched from the record.
    private const string CurrentOfPatient = """
        WITH visible AS (
            SELECT resource_type, resource_id, version_id, recorded_at, source_facility
            FROM kmn_resource_head WHERE network_patient_id = $1
            UNION ALL
            SELECT h.resource_type, h.resource_id, h.version_id, h.recorded_at, h.source_facility
            FROM kmn_patient_linked_resource l
            JOIN kmn_resource_head h ON h.resource_type = l.resource_type AND h.resource_id = l.resource_id
            WHERE l.network_patient_id = $1),
        page AS (
            SELECT resource_type, resource_id, version_id, recorded_at, count(*) OVER () AS total
            FROM visible
            WHERE (source_facility = $2 OR $3)
              AND ($4::timestamptz IS NULL OR recorded_at >= $4)
              AND (cardinality($5::text[]) = 0 OR resource_type = ANY ($5))
            ORDER BY resource_type, resource_id
            LIMIT $6 OFFSET $7)
        SELECT p.resource_type, p.resource_id, p.version_id, p.recorded_at, r.resource::text, p.total
        FROM page p
        JOIN kmn_clinical_resource r
          ON r.resource_type = p.resource_type AND r.resource_id = p.resource_id AND r.version_id = p.version_id
        ORDER BY p.resource_type, p.resource_id
        """;

    /// <summary>The network patient behind a Patient resource id or a network patient id; null when unknown.</summary>
    public async Task<string?> ResolvePatientAsync(string id, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT network_patient_id FROM kmn_clinical_resource
            WHERE resource_type = 'Patient' AND resource_id = $1 AND network_patient_id IS NOT NULL
            UNION ALL
            SELECT network_patient_id FROM kmn_patient_identity WHERE network_patient_id = $1
            LIMIT 1
            """);
        command.Parameters.AddWithValue(id);
        return await command.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>Whether the facility holds a chart number for the patient (it uploaded for them).</summary>
    public async Task<bool> IsLinkedAsync(string facility, string patient, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT EXISTS (SELECT 1 FROM kmn_patient_identity
                           WHERE facility_code = $1 AND network_patient_id = $2 AND unlinked_at IS NULL)
            """);
        command.Parameters.AddWithValue(facility);
        command.Parameters.AddWithValue(patient);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    public async Task<(ImmutableArray<StoredResource> Page, int Total)> EverythingAsync(string patient, EverythingQuery q,
        bool permitted, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(CurrentOfPatient);
        command.Parameters.AddWithValue(patient);
        command.Parameters.AddWithValue(q.CallerFacility);
        command.Parameters.AddWithValue(permitted);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)q.Since?.ToUniversalTime() ?? DBNull.Value);
        command.Parameters.AddWithValue(q.Types.IsDefault ? [] : q.Types.ToArray());
        command.Parameters.AddWithValue(q.Count);
        command.Parameters.AddWithValue(q.Offset);
        return await ReadPageAsync(command, ct);
    }

    public async Task<(ImmutableArray<StoredResource> Page, int Total)> ObservationsAsync(string patient, ObservationQuery q,
        bool permitted, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            WITH cur AS (
                SELECT DISTINCT ON (resource_id) seq, resource_id, source_facility, effective
                FROM kmn_clinical_resource
                WHERE network_patient_id = $1 AND resource_type = 'Observation'
                  AND ($4::text IS NULL OR code_system = $4) AND ($5::text IS NULL OR code = $5)
                ORDER BY resource_id, version_id DESC),
            page AS (
                SELECT seq, resource_id, effective, count(*) OVER () AS total
                FROM cur
                WHERE (source_facility = $2 OR $3)
                  AND ($6::timestamptz IS NULL OR effective >= $6) AND ($7::timestamptz IS NULL OR effective < $7)
                ORDER BY effective, resource_id
                LIMIT $8 OFFSET $9)
            -- The JSON text only for the page's rows, not for every version the filter touched.
            SELECT r.resource_type, r.resource_id, r.version_id, r.recorded_at, r.resource::text, p.total
            FROM page p JOIN kmn_clinical_resource r ON r.seq = p.seq
            ORDER BY p.effective, p.resource_id
            """);
        command.Parameters.AddWithValue(patient);
        command.Parameters.AddWithValue(q.CallerFacility);
        command.Parameters.AddWithValue(permitted);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)q.CodeSystem ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)q.Code ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)q.From?.ToUniversalTime() ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)q.To?.ToUniversalTime() ?? DBNull.Value);
        command.Parameters.AddWithValue(q.Count);
        command.Parameters.AddWithValue(q.Offset);
        return await ReadPageAsync(command, ct);
    }

    /// <summary>Versions of one resource, newest first, with who uploaded them and whose record they belong to.</summary>
    public async Task<IReadOnlyList<(StoredResource Resource, string SourceFacility, string? Patient)>> VersionsAsync(
        string type, string id, bool history, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT resource_type, resource_id, version_id, recorded_at, resource::text, source_facility, network_patient_id
            FROM kmn_clinical_resource WHERE resource_type = $1 AND resource_id = $2
            ORDER BY version_id DESC {(history ? "" : "LIMIT 1")}
            """);
        command.Parameters.AddWithValue(type);
        command.Parameters.AddWithValue(id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var result = new List<(StoredResource, string, string?)>();
        while (await reader.ReadAsync(ct))
            result.Add((ReadResource(reader), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        return result;
    }

    private static async Task<(ImmutableArray<StoredResource>, int)> ReadPageAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var page = ImmutableArray.CreateBuilder<StoredResource>();
        var total = 0;
        while (await reader.ReadAsync(ct))
        {
            page.Add(ReadResource(reader));
            total = (int)reader.GetInt64(5);
        }
        return (page.ToImmutable(), total);
    }

    private static StoredResource ReadResource(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetFieldValue<DateTimeOffset>(3), r.GetString(4));
}
