using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Grains.Access;
using Npgsql;

namespace KMN.Orleans.Grains.Records;

/// <summary>
/// The read side of the append-only table. Every page query takes the access decision as an
/// <see cref="AccessFilter"/> and filters in SQL by (source facility, category) and the 未告知 marker, so paging
/// and totals count only what the caller may see. Categories come from <see cref="RecordCategorySql"/>.
/// </summary>
public sealed partial class RecordQueries(NpgsqlDataSource dataSource)
{
    /// <summary>A resource version with the category it was filtered by (the audit row names the categories).</summary>
    public sealed record Row(StoredResource Resource, RecordCategory Category);

    public sealed record Version(StoredResource Resource, string SourceFacility, string? Patient, RecordCategory Category);

    private static readonly string Category = RecordCategorySql.Expression("r.resource_type", "r.category");

    // Latest version of each resource of a patient plus the shared resources its uploads carried, from the head
    // index (one row per resource, however long the history); the category needs the row's indexed code.
    // The visible current rows of a patient, paged, shared by the full and the conditional read (RecordQueries.Conditional.cs).
    private static readonly string VisibleCurrentOfPatient = $"""
        WITH heads AS (
            SELECT resource_type, resource_id, version_id FROM kmn_resource_head WHERE network_patient_id = $1
            UNION ALL
            SELECT h.resource_type, h.resource_id, h.version_id
            FROM kmn_patient_linked_resource l
            JOIN kmn_resource_head h ON h.resource_type = l.resource_type AND h.resource_id = l.resource_id
            WHERE l.network_patient_id = $1),
        visible AS (
            SELECT r.seq, r.resource_type, r.resource_id, c.cat
            FROM heads h
            JOIN kmn_clinical_resource r
              ON r.resource_type = h.resource_type AND r.resource_id = h.resource_id AND r.version_id = h.version_id
            CROSS JOIN LATERAL (SELECT {Category} AS cat) c
            WHERE ($2::timestamptz IS NULL OR r.recorded_at >= $2)
              AND (cardinality($3::text[]) = 0 OR r.resource_type = ANY ($3))
              AND {RecordCategorySql.Visible("r.source_facility", "c.cat", "r.resource", "$6", "$7", "$8", "$9")}),
        page AS (
            SELECT seq, resource_type, resource_id, cat, count(*) OVER () AS total
            FROM visible ORDER BY resource_type, resource_id LIMIT $4 OFFSET $5)
        """;

    private static readonly string CurrentOfPatient = VisibleCurrentOfPatient + """
        SELECT r.resource_type, r.resource_id, r.version_id, r.recorded_at, r.resource::text, p.total, p.cat, r.source_facility
        FROM page p JOIN kmn_clinical_resource r ON r.seq = p.seq
        ORDER BY p.resource_type, p.resource_id
        """;

    private static readonly string ObservationsOfPatient = $"""
        WITH cur AS (
            SELECT DISTINCT ON (resource_id) seq, resource_id, source_facility, effective, resource_type, category
            FROM kmn_clinical_resource
            WHERE network_patient_id = $1 AND resource_type = 'Observation'
              AND ($2::text IS NULL OR code_system = $2) AND ($3::text IS NULL OR code = $3)
            ORDER BY resource_id, version_id DESC),
        page AS (
            SELECT r.seq, r.resource_id, r.effective, c.cat, count(*) OVER () AS total
            FROM cur r
            CROSS JOIN LATERAL (SELECT {Category} AS cat) c
            WHERE ($4::timestamptz IS NULL OR r.effective >= $4) AND ($5::timestamptz IS NULL OR r.effective < $5)
              AND ($12::text IS NULL OR r.category = $12)
              AND {RecordCategorySql.Visible("r.source_facility", "c.cat", "'{}'::jsonb", "$8", "$9", "$10", "$11")}
            ORDER BY r.effective, r.resource_id
            LIMIT $6 OFFSET $7)
        -- The JSON text only for the page's rows, not for every version the filter touched.
        SELECT r.resource_type, r.resource_id, r.version_id, r.recorded_at, r.resource::text, p.total, p.cat, r.source_facility
        FROM page p JOIN kmn_clinical_resource r ON r.seq = p.seq
        ORDER BY p.effective, p.resource_id
        """;

    /// <summary>The network patient behind a Patient resource id or a network patient id; null when unknown.</summary>
    public async Task<string?> ResolvePatientAsync(string id, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT network_patient_id FROM kmn_clinical_resource
            WHERE resource_type = 'Patient' AND resource_id = $1 AND network_patient_id IS NOT NULL
            UNION ALL
            SELECT network_patient_id FROM kmn_patient_identity WHERE network_patient_id = $1
            UNION ALL
            -- A patient enrolled in the directory exists before any facility has uploaded a record.
            SELECT network_patient_id FROM kmn_patient_directory WHERE network_patient_id = $1
            LIMIT 1
            """);
        command.Parameters.AddWithValue(id);
        return await command.ExecuteScalarAsync(ct) as string;
    }

    public async Task<(ImmutableArray<Row> Page, int Total)> EverythingAsync(string patient, EverythingQuery q,
        AccessFilter filter, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(CurrentOfPatient);
        AddEverythingParameters(command, patient, q);
        AddFilter(command, filter);
        return await ReadPageAsync(command, ct);
    }

    private static void AddEverythingParameters(NpgsqlCommand command, string patient, EverythingQuery q)
    {
        command.Parameters.AddWithValue(patient);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)q.Since?.ToUniversalTime() ?? DBNull.Value);
        command.Parameters.AddWithValue(q.Types.IsDefault ? [] : q.Types.ToArray());
        command.Parameters.AddWithValue(q.Count);
        command.Parameters.AddWithValue(q.Offset);
    }

    public async Task<(ImmutableArray<Row> Page, int Total)> ObservationsAsync(string patient, ObservationQuery q,
        AccessFilter filter, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(ObservationsOfPatient);
        command.Parameters.AddWithValue(patient);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)q.CodeSystem ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)q.Code ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)q.From?.ToUniversalTime() ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)q.To?.ToUniversalTime() ?? DBNull.Value);
        command.Parameters.AddWithValue(q.Count);
        command.Parameters.AddWithValue(q.Offset);
        AddFilter(command, filter);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)q.Category ?? DBNull.Value); // $12: the first category's code
        return await ReadPageAsync(command, ct);
    }

    /// <summary>Versions of one resource, newest first, with who uploaded them, whose record they belong to and their category.</summary>
    public async Task<IReadOnlyList<Version>> VersionsAsync(string type, string id, bool history, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT resource_type, resource_id, version_id, recorded_at, resource::text, source_facility, network_patient_id, category
            FROM kmn_clinical_resource WHERE resource_type = $1 AND resource_id = $2
            ORDER BY version_id DESC {(history ? "" : "LIMIT 1")}
            """);
        command.Parameters.AddWithValue(type);
        command.Parameters.AddWithValue(id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var result = new List<Version>();
        while (await reader.ReadAsync(ct))
            result.Add(new Version(ReadResource(reader), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                RecordCategories.Of(reader.GetString(0), reader.IsDBNull(7) ? null : reader.GetString(7))));
        return result;
    }

    private static void AddFilter(NpgsqlCommand command, AccessFilter filter)
    {
        command.Parameters.AddWithValue(filter.Sources);
        command.Parameters.AddWithValue(filter.Categories);
        command.Parameters.AddWithValue(filter.UndisclosedSources);
        command.Parameters.AddWithValue(RecordCategorySql.UndisclosedProbe);
    }

    private static async Task<(ImmutableArray<Row>, int)> ReadPageAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var page = ImmutableArray.CreateBuilder<Row>();
        var total = 0;
        while (await reader.ReadAsync(ct))
        {
            page.Add(new Row(ReadResource(reader) with { SourceFacility = reader.GetString(7) }, (RecordCategory)reader.GetInt32(6)));
            total = (int)reader.GetInt64(5);
        }
        return (page.ToImmutable(), total);
    }

    private static StoredResource ReadResource(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetFieldValue<DateTimeOffset>(3), r.GetString(4));
}
