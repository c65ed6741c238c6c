using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace KMN.Orleans.Grains.Audit;

/// <summary>The audit trail in kmn_security_event. Inserts only: the table refuses updates and deletes.</summary>
public sealed class NpgsqlSecurityEventStore(NpgsqlDataSource dataSource) : ISecurityEventStore
{
    public async Task AppendAsync(SecurityEvent e, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO kmn_security_event (occurred_at, action, outcome, reason, account_id, actor_name, facility_code,
                role, card_thumbprint, card_serial, card_issuer, source_address, detail)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            """);
        command.Parameters.AddWithValue(e.OccurredAt.ToUniversalTime());
        command.Parameters.AddWithValue(e.Action);
        command.Parameters.AddWithValue(e.Success ? "success" : "failure");
        foreach (var text in new[] { e.Reason, e.AccountId, e.ActorName, e.FacilityCode, e.Role, e.CardThumbprint, e.CardSerial, e.CardIssuer, e.SourceAddress })
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)text ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter
        {
            NpgsqlDbType = NpgsqlDbType.Jsonb,
            Value = JsonSerializer.Serialize(e.Detail ?? new Dictionary<string, string>()),
        });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<SecurityEvent>> ListAsync(int limit, string? accountId = null, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT occurred_at, action, outcome, reason, account_id, actor_name, facility_code, role,
                   card_thumbprint, card_serial, card_issuer, source_address, detail::text
            FROM kmn_security_event WHERE $2::text IS NULL OR account_id = $2
            ORDER BY id DESC LIMIT $1
            """);
        command.Parameters.AddWithValue(limit);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)accountId ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var result = new List<SecurityEvent>();
        while (await reader.ReadAsync(ct))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            result.Add(new SecurityEvent(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2) == "success",
                Text(3), Text(4), Text(5), Text(6), Text(7), Text(8), Text(9), Text(10), Text(11),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(12))));
        }
        return result;
    }
}
