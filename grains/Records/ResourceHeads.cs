using Npgsql;

namespace KMN.Orleans.Grains.Records;

/// <summary>
/// Keeps kmn_resource_head (the newest version of each resource) in step with the appended rows. It is an index
/// beside the append-only table, so updating it in place does not rewrite any record.
/// </summary>
internal static class ResourceHeads
{
    public static NpgsqlBatchCommand Upsert(IReadOnlyList<ClinicalRowWriter.Row> rows, string facility, DateTimeOffset now)
    {
        var command = new NpgsqlBatchCommand("""
            INSERT INTO kmn_resource_head (resource_type, resource_id, version_id, network_patient_id, source_facility,
                content_hash, recorded_at)
            SELECT t, i, v, p, $5, h, $7 FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $6::bytea[]) AS k(t, i, v, p, h)
            ON CONFLICT (resource_type, resource_id) DO UPDATE SET version_id = EXCLUDED.version_id,
                network_patient_id = EXCLUDED.network_patient_id, source_facility = EXCLUDED.source_facility,
                content_hash = EXCLUDED.content_hash, recorded_at = EXCLUDED.recorded_at
            WHERE kmn_resource_head.version_id < EXCLUDED.version_id
            """);
        command.Parameters.AddWithValue(rows.Select(r => r.Entry.ResourceType).ToArray());
        command.Parameters.AddWithValue(rows.Select(r => r.Entry.ResourceId).ToArray());
        command.Parameters.AddWithValue(rows.Select(r => r.Version).ToArray());
        command.Parameters.AddWithValue(rows.Select(r => r.NetworkPatientId).ToArray());
        command.Parameters.AddWithValue(facility);
        command.Parameters.AddWithValue(rows.Select(r => r.Entry.ContentHash).ToArray());
        command.Parameters.AddWithValue(now.ToUniversalTime());
        return command;
    }
}
