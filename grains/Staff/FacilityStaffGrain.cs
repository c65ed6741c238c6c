using KMN.Orleans.Grains.Abstractions;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Staff;
using KMN.Orleans.Grains.Audit;
using KMN.Orleans.Grains.Persistence;

namespace KMN.Orleans.Grains.Staff;

/// <summary>
/// A facility's staff directory. The account grains keep it (one entry per enrolled account); the status
/// columns (cards, lock, last sign-in) are asked of the account grains when the list is read, so they are
/// never stale. List and unlock only read the dictionary: they may interleave with an enrollment.
/// </summary>
public sealed class FacilityStaffGrain(
    [PersistentState("staff", StorageNames.State)] IPersistentState<FacilityStaffState> state,
    IAuditTrail audit,
    TimeProvider clock) : Grain, IFacilityStaffGrain
{
    private string Code => this.GetPrimaryKeyString();

    public async Task RecordAsync(StaffAccountProfile profile)
    {
        if (profile.FacilityCode != Code)
            throw new ArgumentException($"アカウント {profile.AccountId} は施設 {Code} の職員ではありません。", nameof(profile));
        if (state.State.Accounts.TryGetValue(profile.AccountId, out var known) && known == profile)
            return;
        state.State.Accounts[profile.AccountId] = profile;
        await state.WriteOrDeactivateAsync(this);
    }

    public async Task ForgetAsync(string accountId)
    {
        if (state.State.Accounts.Remove(accountId))
            await state.WriteOrDeactivateAsync(this);
    }

    public async Task<StaffList> ListAsync(AccessCaller caller)
    {
        if (FacilityAdminCheck.ViewProblem(caller, Code) is { } problem)
        {
            await RefusalAsync(caller, "staff-list", problem);
            return StaffList.Refused(problem);
        }
        var profiles = state.State.Accounts.Values.ToList(); // the snapshot: enrollments may interleave from here on
        var members = await Task.WhenAll(profiles.Select(async p =>
            await GrainFactory.GetGrain<IStaffAccountOverviewGrain>(p.AccountId).GetOverviewAsync()
            ?? new StaffMember(p, 0, false, 0, null, null)));
        return new StaffList([.. members
            .OrderBy(m => m.Profile.FamilyNameKana + m.Profile.GivenNameKana, StringComparer.Ordinal)
            .ThenBy(m => m.Profile.AccountId, StringComparer.Ordinal)], null);
    }

    public async Task<PolicyChangeResult> UnlockAsync(AccessCaller caller, string accountId)
    {
        const string action = "staff-unlock";
        var problem = FacilityAdminCheck.UnlockProblem(caller, Code)
            ?? (state.State.Accounts.ContainsKey(accountId) ? null : $"アカウント {accountId} は施設 {Code} に登録されていません。");
        if (problem is not null)
        {
            await RefusalAsync(caller, action, problem);
            return PolicyChangeResult.Refused(problem);
        }
        var before = await GrainFactory.GetGrain<IStaffAccountOverviewGrain>(accountId).GetOverviewAsync();
        if (before is { Locked: false, ConsecutiveFailures: 0 })
            return new PolicyChangeResult(WriteOutcome.Unchanged, null);
        // The account grain writes its own security event; this row puts the unlock in the facility's chain too.
        await GrainFactory.GetGrain<IStaffAccountGrain>(accountId).UnlockAsync(caller.AccountId ?? caller.FacilityCode);
        await audit.AppendAsync(Record(caller, action, AuditOutcomes.Success, null) with { Query = accountId });
        return new PolicyChangeResult(WriteOutcome.Updated, null);
    }

    private Task RefusalAsync(AccessCaller caller, string action, string problem) =>
        audit.AppendAsync(Record(caller, action, AuditOutcomes.Denied, problem));

    private AuditRecord Record(AccessCaller caller, string action, string outcome, string? reason) =>
        AuditRecord.By(caller, clock.GetUtcNow(), AuditTypes.FacilityPolicy, action, outcome, null, reason)
            with { ChainKey = AuditChains.Facility(Code), Detail = new Dictionary<string, string> { ["facility"] = Code } };
}
