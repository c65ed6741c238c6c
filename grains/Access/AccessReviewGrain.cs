using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Grains.Audit;
using KMN.Orleans.Grains.Staff;
using Orleans.Concurrency;

namespace KMN.Orleans.Grains.Access;

/// <summary>
/// The operators' side: the break-the-glass review queue and audit queries. Stateless: every answer comes from
/// the tables. Looking at the trail is itself audited (who looked at whose access log).
/// </summary>
[StatelessWorker]
public sealed class AccessReviewGrain(BreakGlassStore breakGlass, IAuditTrail audit, TimeProvider clock) : Grain, IAccessReviewGrain
{
    public async Task<ImmutableArray<BreakGlassReview>> OpenReviewsAsync(AccessCaller caller)
    {
        RequireOperator(caller);
        return await breakGlass.OpenReviewsAsync();
    }

    public async Task<bool> CloseReviewAsync(AccessCaller caller, long reviewId, string note)
    {
        RequireOperator(caller);
        if (string.IsNullOrWhiteSpace(note))
            throw new ArgumentException("確認結果 (所見) を入力してください。", nameof(note));
        var now = clock.GetUtcNow();
        return await breakGlass.CloseAsync(reviewId, caller.AccountId!, note.Trim(), now,
            AuditRecord.By(caller, now, AuditTypes.BreakGlass, "break-glass-review", AuditOutcomes.Success, null) with
            {
                Query = $"review {reviewId}",
                Detail = new Dictionary<string, string> { ["reviewId"] = reviewId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["note"] = note.Trim() },
            });
    }

    public async Task<ImmutableArray<AuditEntry>> QueryAuditAsync(AccessCaller caller, AuditQuery query)
    {
        RequireOperator(caller);
        await LogQuestionAsync(caller, query.PatientId, "audit-query");
        return [.. await audit.QueryAsync(query)];
    }

    /// <summary>
    /// Operators see every patient's log; facility staff see it while their facility may open the chart
    /// (the same access decision as a read), so the log never shows more than the chart would.
    /// </summary>
    public async Task<ImmutableArray<AuditEntry>> AccessLogAsync(AccessCaller caller, string patientId, int limit)
    {
        if (caller.Role != StaffRole.NetworkOperator)
        {
            var decision = await GrainFactory.GetGrain<IPatientRecordGrain>(patientId).DecideAccessAsync(caller);
            if (!decision.Granted)
                throw new UnauthorizedAccessException($"患者 {patientId} のアクセス記録を閲覧する権限がありません。");
        }
        await LogQuestionAsync(caller, patientId, "access-log");
        var entries = await audit.QueryAsync(new AuditQuery(PatientId: patientId, Limit: Math.Clamp(limit, 1, 1000) * 2));
        return [.. entries.Where(e => e.EventType is AuditTypes.RecordAccess or AuditTypes.BreakGlass).Take(Math.Clamp(limit, 1, 1000))];
    }

    /// <summary>
    /// The facility's own staff's reads and 緊急時閲覧 (the audit rows whose actor belongs to it), merged newest
    /// first. Its administrator or an operator; a refusal is audited before it is thrown.
    /// </summary>
    public async Task<ImmutableArray<AuditEntry>> FacilityAccessHistoryAsync(AccessCaller caller, string facilityCode, int limit)
    {
        if (FacilityAdminCheck.ViewProblem(caller, facilityCode) is { } problem)
        {
            await audit.AppendAsync(AuditRecord.By(caller, clock.GetUtcNow(), AuditTypes.AuditQuery, "facility-access-history",
                AuditOutcomes.Denied, null, problem) with { Query = facilityCode });
            throw new UnauthorizedAccessException(problem);
        }
        var take = Math.Clamp(limit, 1, 1000);
        await audit.AppendAsync(AuditRecord.By(caller, clock.GetUtcNow(), AuditTypes.AuditQuery, "facility-access-history",
            AuditOutcomes.Success, null) with { Query = facilityCode });
        var reads = audit.QueryAsync(new AuditQuery(FacilityCode: facilityCode, EventType: AuditTypes.RecordAccess, Limit: take));
        var breakGlass = audit.QueryAsync(new AuditQuery(FacilityCode: facilityCode, EventType: AuditTypes.BreakGlass, Limit: take));
        return [.. (await reads).Concat(await breakGlass).OrderByDescending(e => e.Seq).Take(take)];
    }

    private static void RequireOperator(AccessCaller caller)
    {
        if (caller.IsFacilitySystem || caller.Role != StaffRole.NetworkOperator)
            throw new UnauthorizedAccessException("ネットワーク運用者のみが行えます。");
    }

    private Task LogQuestionAsync(AccessCaller caller, string? patientId, string action) =>
        audit.AppendAsync(AuditRecord.By(caller, clock.GetUtcNow(), AuditTypes.AuditQuery, action, AuditOutcomes.Success, patientId));
}
