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
        await using var command = new NpgsqlCommand("""
            SELECT h.resource_type, h.resource_id, h.version_id, h.content_hash, h.recorded_at
            FROM unnest($1::text[], $2::text[]) AS k(t, i)
            JOIN kmn_resource_head h ON h.resource_type = k.t AND h.resource_id = k.i
            """, connection);
        command.Parameters.AddWithValue(entries.Select(e => e.ResourceType).ToArray());
        command.Parameters.AddWithValue(entries.Select(e => e.ResourceId).ToArray());
        await command.PrepareAsync(ct); // once per pooled connection: every upload runs it
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result[(reader.GetString(0), reader.GetString(1))] =
                new Latest(reader.GetInt32(2), (byte[])reader[3], reader.GetFieldValue<DateTimeOffset>(4));
        return result;
    }
}
