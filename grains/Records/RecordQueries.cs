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
    // Latest version of each resource of a patient, plus the shared resources its uploads carried.
    private const string CurrentOfPatient = """
        WITH cur AS (
            SELECT DISTINCT ON (resource_type, resource_id) resource_type, resource_id, version_id, recorded_at,
                   resource::text AS json, source_facility
            FROM kmn_clinical_resource WHERE network_patient_id = $1
            ORDER BY resource_type, resource_id, version_id DESC),
        linked AS (
            SELECT DISTINCT ON (r.resource_type, r.resource_id) r.resource_type, r.resource_id, r.version_id,
                   r.recorded_at, r.resource::text AS json, r.source_facility
            FROM kmn_patient_linked_resource l
            JOIN kmn_clinical_resource r ON r.resource_type = l.resource_type AND r.resource_id = l.resource_id
            WHERE l.network_patient_id = $1
            ORDER BY r.resource_type, r.resource_id, r.version_id DESC),
        visible AS (SELECT * FROM cur UNION ALL SELECT * FROM linked)
        SELECT resource_type, resource_id, version_id, recorded_at, json, count(*) OVER ()
        FROM visible
        WHERE (source_facility = $2 OR $3)
          AND ($4::timestamptz IS NULL OR recorded_at >= $4)
          AND (cardinality($5::text[]) = 0 OR resource_type = ANY ($5))
        ORDER BY resource_type, resource_id
        LIMIT $6 OFFSET $7
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
                SELECT DISTINCT ON (resource_id) resource_type, resource_id, version_id, recorded_at,
                       resource::text AS json, source_facility, effective
                FROM kmn_clinical_resource
                WHERE network_patient_id = $1 AND resource_type = 'Observation'
                  AND ($4::text IS NULL OR code_system = $4) AND ($5::text IS NULL OR code = $5)
                ORDER BY resource_id, version_id DESC)
            SELECT resource_type, resource_id, version_id, recorded_at, json, count(*) OVER ()
            FROM cur
            WHERE (source_facility = $2 OR $3)
              AND ($6::timestamptz IS NULL OR effective >= $6) AND ($7::timestamptz IS NULL OR effective < $7)
            ORDER BY effective, resource_id
            LIMIT $8 OFFSET $9
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
