using KMN.Orleans.Grains.Abstractions.Records;
using Npgsql;
using NpgsqlTypes;

namespace KMN.Orleans.Grains.Records;

/// <summary>
/// Appends resource versions with binary COPY: one round trip however many rows, no UPDATE ever. Each row's JSON
/// carries its own meta.versionId and lastUpdated, so reads stream it without re-parsing.
/// </summary>
internal static class ClinicalRowWriter
{
    public sealed record Row(ClinicalEntry Entry, int Version, string? NetworkPatientId);

    public static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<Row> rows, string facility,
        Guid uploadId, DateTimeOffset now, CancellationToken ct)
    {
        if (rows.Count == 0)
            return;
        await using var import = await connection.BeginBinaryImportAsync("""
            COPY kmn_clinical_resource (resource_type, resource_id, version_id, network_patient_id, source_facility,
                source_id, effective, category, code_system, code, code_display, value_numeric, value_unit,
                content_hash, upload_id, recorded_at, resource) FROM STDIN (FORMAT BINARY)
            """, ct);
        foreach (var (entry, version, patient) in rows)
        {
            var ix = entry.Indexed;
            await import.StartRowAsync(ct);
            await import.WriteAsync(entry.ResourceType, NpgsqlDbType.Text, ct);
            await import.WriteAsync(entry.ResourceId, NpgsqlDbType.Text, ct);
            await import.WriteAsync(version, NpgsqlDbType.Integer, ct);
            await WriteNullableAsync(import, patient, NpgsqlDbType.Text, ct);
            await import.WriteAsync(facility, NpgsqlDbType.Text, ct);
            await import.WriteAsync(entry.SourceId, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(import, ix.Effective?.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
            await WriteNullableAsync(import, ix.Category, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(import, ix.CodeSystem, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(import, ix.Code, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(import, ix.CodeDisplay, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(import, ix.ValueNumeric, NpgsqlDbType.Numeric, ct);
            await WriteNullableAsync(import, ix.ValueUnit, NpgsqlDbType.Text, ct);
            await import.WriteAsync(entry.ContentHash, NpgsqlDbType.Bytea, ct);
            await import.WriteAsync(uploadId, NpgsqlDbType.Uuid, ct);
            await import.WriteAsync(now.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
            await import.WriteAsync(ServerMeta.Add(entry.Utf8Json, version, now), NpgsqlDbType.Jsonb, ct);
        }
        await import.CompleteAsync(ct);
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter import, T? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null)
            await import.WriteNullAsync(ct);
        else
            await import.WriteAsync(value, type, ct);
    }
}
