using Npgsql;

namespace KMN.Orleans.Grains.Audit;

/// <summary>
/// Recomputes every row's hash and checks every link of every chain of kmn_audit_event. A row whose content
/// no longer matches its row_hash was edited; a row whose prev_hash is not its predecessor's row_hash (or
/// whose chain_seq skips) follows a deleted, inserted or reordered row. What it cannot see: rows cut off the
/// end of a chain (anchor the chain heads elsewhere for that; see ADR 0008).
/// </summary>
public static class AuditChainVerifier
{
    public sealed record Break(long Seq, string ChainKey, long ChainSeq, string Problem);

    public sealed record Report(long Rows, long Chains, IReadOnlyList<Break> Breaks)
    {
        public bool Intact => Breaks.Count == 0;
    }

    public static async Task<Report> VerifyAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        long rows, chains;
        await using (var count = new NpgsqlCommand("SELECT count(*), count(DISTINCT chain_key) FROM kmn_audit_event", connection))
        await using (var reader = await count.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            (rows, chains) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        // Only breaks leave the server; the window makes it one pass over the table.
        await using var command = new NpgsqlCommand("""
            SELECT seq, chain_key, chain_seq, edited, unlinked FROM (
                SELECT seq, chain_key, chain_seq,
                       row_hash <> kmn_audit_row_hash(e) AS edited,
                       prev_hash <> coalesce(lag(row_hash) OVER w, decode(repeat('00', 32), 'hex')) AS unlinked,
                       chain_seq <> coalesce(lag(chain_seq) OVER w, 0) + 1 AS skipped
                FROM kmn_audit_event e
                WINDOW w AS (PARTITION BY chain_key ORDER BY chain_seq)) checked
            WHERE edited OR unlinked OR skipped
            ORDER BY chain_key, chain_seq
            """, connection);
        var breaks = new List<Break>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                var problem = reader.GetBoolean(3) ? "内容が改ざんされています (row_hash 不一致)"
                    : reader.GetBoolean(4) ? "直前の行とつながりません (prev_hash 不一致: 削除・挿入・並べ替え)"
                    : "連番が飛んでいます (chain_seq: 行の削除)";
                breaks.Add(new Break(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), problem));
            }
        return new Report(rows, chains, breaks);
    }
}
