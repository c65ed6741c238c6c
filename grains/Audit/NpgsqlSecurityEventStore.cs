using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace KMN.Orleans.Grains.Audit;

/// <summary>
/// Sign-in and card events in the one audit trail (kmn_audit_event, event_type 'security', chained per
/// account). Reads go through the kmn_security_event view, which keeps 0007's columns.
/// </summary>
public sealed class NpgsqlSecurityEventStore(NpgsqlDataSource dataSource) : ISecurityEventStore
{
    private readonly NpgsqlAuditTrail _trail = new(dataSource);

    public Task AppendAsync(SecurityEvent e, CancellationToken ct = default)
    {
        var detail = new Dictionary<string, string>(e.Detail ?? new Dictionary<string, string>());
        if (e.CardThumbprint is { } thumbprint)
            detail["cardThumbprint"] = thumbprint;
        if (e.CardSerial is { } serial)
            detail["cardSerial"] = serial;
        if (e.CardIssuer is { } issuer)
            detail["cardIssuer"] = issuer;
        return _trail.AppendAsync(new AuditRecord(
            e.AccountId is { } account ? AuditChains.Account(account) : AuditChains.Security, e.OccurredAt,
            AuditTypes.Security, e.Action, e.Success ? AuditOutcomes.Success : AuditOutcomes.Failure, e.Reason,
            e.AccountId, e.ActorName, e.FacilityCode, e.Role, SourceAddress: e.SourceAddress, Detail: detail), ct);
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
