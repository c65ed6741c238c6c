using System.Text.Json;
using KMN.Orleans.Grains.Abstractions.Access;
using Npgsql;
using NpgsqlTypes;

namespace KMN.Orleans.Grains.Audit;

/// <summary>
/// kmn_audit_event. One INSERT per row; the table's trigger chains it (chain_seq, prev_hash, row_hash) under a
/// per-chain lock, so writers on any silo need no coordination of their own. Inserts only: the table refuses
/// updates and deletes.
/// </summary>
public sealed class NpgsqlAuditTrail(NpgsqlDataSource dataSource) : IAuditTrail
{
    private const string Insert = """
        INSERT INTO kmn_audit_event (chain_key, chain_seq, occurred_at, event_type, action, outcome, reason, account_id,
            actor_name, facility_code, role, network_patient_id, purpose, categories, resource_count, query,
            source_address, detail, prev_hash, row_hash)
        VALUES ($1, 0, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, '', '')
        """;

    public async Task AppendAsync(AuditRecord record, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(Command(record));
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The insert as a batch command, for writers that audit inside their own transaction (uploads, consents).</summary>
    public static NpgsqlBatchCommand Command(AuditRecord r)
    {
        var command = new NpgsqlBatchCommand(Insert);
        command.Parameters.AddWithValue(r.ChainKey);
        command.Parameters.AddWithValue(r.OccurredAt.ToUniversalTime());
        command.Parameters.AddWithValue(r.EventType);
        command.Parameters.AddWithValue(r.Action);
        command.Parameters.AddWithValue(r.Outcome);
        foreach (var text in new[] { r.Reason, r.AccountId, r.ActorName, r.FacilityCode, r.Role, r.PatientId, r.Purpose })
            command.Parameters.Add(Text(text));
        command.Parameters.AddWithValue((r.Categories ?? []).ToArray());
        command.Parameters.AddWithValue(r.ResourceCount);
        command.Parameters.Add(Text(r.Query));
        command.Parameters.Add(Text(r.SourceAddress));
        command.Parameters.Add(new NpgsqlParameter
        {
            NpgsqlDbType = NpgsqlDbType.Jsonb,
            Value = JsonSerializer.Serialize(r.Detail ?? new Dictionary<string, string>()),
        });
        return command;
    }

    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery q, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT seq, occurred_at, event_type, action, outcome, reason, account_id, actor_name, facility_code, role,
                   network_patient_id, purpose, categories, resource_count, query
            FROM kmn_audit_event
            WHERE ($1::text IS NULL OR network_patient_id = $1) AND ($2::text IS NULL OR account_id = $2)
              AND ($3::text IS NULL OR facility_code = $3) AND ($4::text IS NULL OR event_type = $4)
              AND ($5::timestamptz IS NULL OR occurred_at >= $5) AND ($6::timestamptz IS NULL OR occurred_at < $6)
            ORDER BY seq DESC LIMIT $7
            """);
        foreach (var text in new[] { q.PatientId, q.AccountId, q.FacilityCode, q.EventType })
            command.Parameters.Add(Text(text));
        command.Parameters.Add(Time(q.From));
        command.Parameters.Add(Time(q.To));
        command.Parameters.AddWithValue(Math.Clamp(q.Limit, 1, 10_000));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var result = new List<AuditEntry>();
        while (await reader.ReadAsync(ct))
        {
            string? S(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            result.Add(new AuditEntry(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2),
                reader.GetString(3), reader.GetString(4), S(5), S(6), S(7), S(8), S(9), S(10), S(11),
                [.. reader.GetFieldValue<string[]>(12)], reader.GetInt32(13), S(14)));
        }
        return result;
    }

    private static NpgsqlParameter Text(string? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Time(DateTimeOffset? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)value?.ToUniversalTime() ?? DBNull.Value };
}
