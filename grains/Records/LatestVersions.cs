using KMN.Orleans.Grains.Abstractions.Records;
using Npgsql;

namespace KMN.Orleans.Grains.Records;

/// <summary>
/// The newest stored version and content hash of each resource an upload touches: one primary-key lookup per
/// resource in kmn_resource_head, so the cost does not grow with the patient's history.
/// </summary>
internal static class LatestVersions
{
    public sealed record Latest(int Version, byte[] Hash, DateTimeOffset RecordedAt);

    public static async Task<Dictionary<(string Type, string Id), Latest>> ReadAsync(
        NpgsqlConnection connection, IReadOnlyList<ClinicalEntry> entries, CancellationToken ct)
    {
        var result = new Dictionary<(string, string), Latest>();
        if (entries.Count == 0)
            return result;
        await using var batch = new NpgsqlBatch(connection);
        var shared = entries.Where(e => !e.PatientBound).ToList();
        if (shared.Count > 0)
        {
            // Resources outside the patient (Organization, Practitioner) are shared by many patients' bundles,
            // which the patient lock does not serialize. Waiting here for an upload that is writing the same one
            // (locks taken in one global order, so two uploads never wait on each other) means the read below
            // sees its commit: the resource is unchanged, instead of both writing version 1 and one of them
            // failing on the unique key and redoing its whole upload.
            var lockShared = new NpgsqlBatchCommand("""
                SELECT pg_advisory_xact_lock(k) FROM (
                    SELECT DISTINCT hashtextextended('kmn-resource:' || t || '/' || i, 0) AS k
                    FROM unnest($1::text[], $2::text[]) AS u(t, i) ORDER BY k) s
                """);
            lockShared.Parameters.AddWithValue(shared.Select(e => e.ResourceType).ToArray());
            lockShared.Parameters.AddWithValue(shared.Select(e => e.ResourceId).ToArray());
            batch.BatchCommands.Add(lockShared);
        }
        // Its own statement after the locks: in READ COMMITTED each statement reads a fresh snapshot.
        var read = new NpgsqlBatchCommand("""
            SELECT h.resource_type, h.resource_id, h.version_id, h.content_hash, h.recorded_at
            FROM unnest($1::text[], $2::text[]) AS k(t, i)
            JOIN kmn_resource_head h ON h.resource_type = k.t AND h.resource_id = k.i
            """);
        read.Parameters.AddWithValue(entries.Select(e => e.ResourceType).ToArray());
        read.Parameters.AddWithValue(entries.Select(e => e.ResourceId).ToArray());
        batch.BatchCommands.Add(read);
        await batch.PrepareAsync(ct); // once per pooled connection: every upload runs it
        await using var reader = await batch.ExecuteReaderAsync(ct);
        if (shared.Count > 0)
            await reader.NextResultAsync(ct); // past the lock rows
        while (await reader.ReadAsync(ct))
            result[(reader.GetString(0), reader.GetString(1))] =
                new Latest(reader.GetInt32(2), (byte[])reader[3], reader.GetFieldValue<DateTimeOffset>(4));
        return result;
    }
}
