using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Audit;
using Npgsql;
using NpgsqlTypes;

namespace KMN.Orleans.Grains.Access;

/// <summary>kmn_break_glass: the grants (reloaded when a patient's record grain activates) and the operators' review queue.</summary>
public sealed class BreakGlassStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id, network_patient_id, account_id, actor_name, facility_code, reason_code, reason_text, granted_at, expires_at,
        notified_facility, reviewed_at, reviewed_by, review_note
        """;

    /// <summary>Records the opening and its audit row in one transaction; returns the review id.</summary>
    public async Task<long> OpenAsync(BreakGlassAlert a, string role, AuditRecord audit, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        long id;
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO kmn_break_glass (network_patient_id, account_id, actor_name, facility_code, role, reason_code,
                reason_text, granted_at, expires_at, notified_facility)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id
            """, connection, tx))
        {
            var p = insert.Parameters;
            p.AddWithValue(a.PatientId);
            p.AddWithValue(a.AccountId);
            p.AddWithValue(a.ActorName);
            p.AddWithValue(a.FacilityCode);
            p.AddWithValue(role);
            p.AddWithValue(a.Reason.ToString());
            p.AddWithValue(a.Text);
            p.AddWithValue(a.GrantedAt.ToUniversalTime());
            p.AddWithValue(a.ExpiresAt.ToUniversalTime());
            p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)a.RegisteringFacility ?? DBNull.Value });
            id = (long)(await insert.ExecuteScalarAsync(ct))!;
        }
        await using (var batch = new NpgsqlBatch(connection, tx))
        {
            var detail = new Dictionary<string, string>(audit.Detail ?? new Dictionary<string, string>()) { ["reviewId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            batch.BatchCommands.Add(NpgsqlAuditTrail.Command(audit with { Detail = detail }));
            await batch.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return id;
    }

    /// <summary>Grants of this patient still running at <paramref name="now"/>: account → expiry.</summary>
    public async Task<Dictionary<string, DateTimeOffset>> ActiveAsync(string patient, DateTimeOffset now, CancellationToken ct = default)
    {
        var result = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var review in await ReadAsync($"SELECT {Columns} FROM kmn_break_glass WHERE network_patient_id = $1 AND expires_at > $2",
            [patient, now.ToUniversalTime()], ct))
            if (!result.TryGetValue(review.Opening.AccountId, out var until) || until < review.Opening.ExpiresAt)
                result[review.Opening.AccountId] = review.Opening.ExpiresAt;
        return result;
    }

    public Task<ImmutableArray<BreakGlassReview>> OpenReviewsAsync(CancellationToken ct = default) =>
        ReadAsync($"SELECT {Columns} FROM kmn_break_glass WHERE reviewed_at IS NULL ORDER BY id", [], ct);

    /// <summary>Closes an open review and audits it in one transaction; false when unknown or already closed.</summary>
    public async Task<bool> CloseAsync(long id, string reviewedBy, string note, DateTimeOffset at, AuditRecord audit, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        string? patient;
        await using (var update = new NpgsqlCommand("""
            UPDATE kmn_break_glass SET reviewed_at = $2, reviewed_by = $3, review_note = $4
            WHERE id = $1 AND reviewed_at IS NULL RETURNING network_patient_id
            """, connection, tx))
        {
            update.Parameters.AddWithValue(id);
            update.Parameters.AddWithValue(at.ToUniversalTime());
            update.Parameters.AddWithValue(reviewedBy);
            update.Parameters.AddWithValue(note);
            patient = await update.ExecuteScalarAsync(ct) as string;
        }
        if (patient is null)
            return false;
        await using (var batch = new NpgsqlBatch(connection, tx))
        {
            batch.BatchCommands.Add(NpgsqlAuditTrail.Command(audit with { ChainKey = AuditChains.Patient(patient), PatientId = patient }));
            await batch.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return true;
    }

    private async Task<ImmutableArray<BreakGlassReview>> ReadAsync(string sql, object[] parameters, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var p in parameters)
            command.Parameters.AddWithValue(p);
        await using var r = await command.ExecuteReaderAsync(ct);
        var result = ImmutableArray.CreateBuilder<BreakGlassReview>();
        while (await r.ReadAsync(ct))
        {
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            var opening = new BreakGlassAlert(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
                Enum.TryParse<BreakGlassReason>(r.GetString(5), out var reason) ? reason : BreakGlassReason.Other, r.GetString(6),
                r.GetFieldValue<DateTimeOffset>(7), r.GetFieldValue<DateTimeOffset>(8), S(9));
            result.Add(new BreakGlassReview(opening, r.IsDBNull(10) ? null : r.GetFieldValue<DateTimeOffset>(10), S(11), S(12)));
        }
        return result.ToImmutable();
    }
}
