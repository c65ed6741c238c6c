using Npgsql;
using NpgsqlTypes;

namespace KMN.Orleans.Grains.Records;

/// <summary>
/// Keeps kmn_resource_head (the newest version of each resource) in step with the appended rows. It is an index
/// beside the append-only table, so updating it in place does not rewrite any record. The upload read the heads
/// first (<see cref="LatestVersions"/>), so it knows which resources are new (version 1): their heads go in by
/// binary COPY, the cheapest insert PostgreSQL has; only changed resources need an UPDATE. A racing upload that
/// created the same resource in between makes the COPY fail on the primary key, and the ingest grain retries
/// with fresh versions, as it does for the rows themselves.
/// </summary>
internal static class ResourceHeads
{
    public static async Task CopyNewAsync(NpgsqlConnection connection, IReadOnlyList<ClinicalRowWriter.Row> rows, string facility,
        DateTimeOffset now, CancellationToken ct)
    {
        if (!rows.Any(r => r.Version == 1))
            return;
        await using var import = await connection.BeginBinaryImportAsync("""
            COPY kmn_resource_head (resource_type, resource_id, version_id, network_patient_id, source_facility,
                content_hash, recorded_at) FROM STDIN (FORMAT BINARY)
            """, ct);
        var recordedAt = now.ToUniversalTime();
        foreach (var (entry, version, patient) in rows)
        {
            if (version != 1)
                continue;
            await import.StartRowAsync(ct);
            await import.WriteAsync(entry.ResourceType, NpgsqlDbType.Text, ct);
            await import.WriteAsync(entry.ResourceId, NpgsqlDbType.Text, ct);
            await import.WriteAsync(version, NpgsqlDbType.Integer, ct);
            if (patient is null)
                await import.WriteNullAsync(ct);
            else
                await import.WriteAsync(patient, NpgsqlDbType.Text, ct);
            await import.WriteAsync(facility, NpgsqlDbType.Text, ct);
            await import.WriteAsync(entry.ContentHash, NpgsqlDbType.Bytea, ct);
            await import.WriteAsync(recordedAt, NpgsqlDbType.TimestampTz, ct);
        }
        await import.CompleteAsync(ct);
    }

    /// <summary>Moves the heads of changed resources to their new version (null when the upload changed none).</summary>
    public static NpgsqlBatchCommand? Advance(IReadOnlyList<ClinicalRowWriter.Row> rows, string facility, DateTimeOffset now)
    {
        var changed = rows.Where(r => r.Version > 1).ToList();
        if (changed.Count == 0)
            return null;
        var command = new NpgsqlBatchCommand("""
            UPDATE kmn_resource_head h SET version_id = k.v, network_patient_id = k.p, source_facility = $5,
                content_hash = k.h, recorded_at = $7
            FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $6::bytea[]) AS k(t, i, v, p, h)
            WHERE h.resource_type = k.t AND h.resource_id = k.i AND h.version_id < k.v
            """);
        command.Parameters.AddWithValue(changed.Select(r => r.Entry.ResourceType).ToArray());
        command.Parameters.AddWithValue(changed.Select(r => r.Entry.ResourceId).ToArray());
        command.Parameters.AddWithValue(changed.Select(r => r.Version).ToArray());
        command.Parameters.AddWithValue(changed.Select(r => r.NetworkPatientId).ToArray());
        command.Parameters.AddWithValue(facility);
        command.Parameters.AddWithValue(changed.Select(r => r.Entry.ContentHash).ToArray());
        command.Parameters.AddWithValue(now.ToUniversalTime());
        return command;
    }
}
