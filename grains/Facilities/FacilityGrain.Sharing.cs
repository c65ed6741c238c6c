using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Audit;
using KMN.Orleans.Grains.Persistence;

namespace KMN.Orleans.Grains.Facilities;

/// <summary>Sharing permissions (this facility's administrator) and membership status (network operators).</summary>
public sealed partial class FacilityGrain
{
    private string Code => this.GetPrimaryKeyString();

    public async Task<PolicyChangeResult> SetRoleCategoriesAsync(AccessCaller by, StaffRole role, ImmutableArray<RecordCategory> categories)
    {
        var action = $"role-categories {role}";
        var problem = AdministratorProblem(by) ?? (Enum.IsDefined(role) ? null : "職種が不正です。")
            ?? (categories.IsDefault || categories.Any(c => !Enum.IsDefined(c)) ? "閲覧区分が不正です。" : null);
        if (problem is not null)
            return await RefuseAsync(by, action, problem);
        var current = CurrentPolicy()!;
        return await ApplyAsync(by, action, current.WithRole(role, categories),
            $"{role.Japanese()}: {string.Join('・', SharingPolicy.Normalize(categories).Select(c => c.Japanese()))}");
    }

    public async Task<PolicyChangeResult> SetDisclosureAsync(AccessCaller by, ImmutableArray<RecordCategory> disclosed, UndisclosedVisibility undisclosed)
    {
        const string action = "disclosure";
        var problem = AdministratorProblem(by)
            ?? (disclosed.IsDefault || disclosed.Any(c => !Enum.IsDefined(c)) ? "公開区分が不正です。" : null)
            ?? (Enum.IsDefined(undisclosed) ? null : "未告知病名の表示範囲が不正です。");
        if (problem is not null)
            return await RefuseAsync(by, action, problem);
        var next = CurrentPolicy()! with { Disclosed = SharingPolicy.Normalize(disclosed), Undisclosed = undisclosed };
        return await ApplyAsync(by, action, next,
            $"公開: {string.Join('・', next.Disclosed.Select(c => c.Japanese()))}; 未告知: {undisclosed}");
    }

    public async Task<PolicyChangeResult> SetStatusAsync(AccessCaller by, FacilityStatus status)
    {
        var action = $"status {status}";
        var problem = by.IsFacilitySystem || by.Role != StaffRole.NetworkOperator ? "施設の状態はネットワーク運用者のみが変更できます。"
            : state.State.Profile is null ? $"施設 {Code} はネットワークに登録されていません。"
            : Enum.IsDefined(status) ? null : "施設の状態が不正です。";
        if (problem is not null)
            return await RefuseAsync(by, action, problem);
        if (state.State.Profile!.Status == status)
            return new PolicyChangeResult(WriteOutcome.Unchanged, null);
        var profile = state.State.Profile with { Status = status };
        state.State.Profile = profile;
        await state.WriteOrDeactivateAsync(this);
        await directory.UpsertFacilityAsync(profile);
        await audit.AppendAsync(Record(by, action, AuditOutcomes.Success, null) with { Query = status.ToString() });
        return new PolicyChangeResult(WriteOutcome.Updated, null);
    }

    private SharingPolicy? CurrentPolicy() =>
        state.State.Policy ?? (state.State.Profile is { } p ? SharingDefaults.For(p.Kind) : null);

    /// <summary>Only this facility's own administrator changes its sharing settings.</summary>
    private string? AdministratorProblem(AccessCaller by) =>
        state.State.Profile is null ? $"施設 {Code} はネットワークに登録されていません。"
        : by.IsFacilitySystem || by.Role != StaffRole.FacilityAdministrator || by.FacilityCode != Code
            ? $"施設 {Code} の共有設定は、この施設の施設管理者のみが変更できます。"
            : null;

    private async Task<PolicyChangeResult> ApplyAsync(AccessCaller by, string action, SharingPolicy next, string summary)
    {
        if (CurrentPolicy()!.SameAs(next))
            return new PolicyChangeResult(WriteOutcome.Unchanged, null);
        // Audit first: a change that cannot be recorded is not made.
        await audit.AppendAsync(Record(by, action, AuditOutcomes.Success, null) with { Query = summary });
        state.State.Policy = next;
        await state.WriteOrDeactivateAsync(this);
        return new PolicyChangeResult(WriteOutcome.Updated, null);
    }

    private async Task<PolicyChangeResult> RefuseAsync(AccessCaller by, string action, string problem)
    {
        await audit.AppendAsync(Record(by, action, AuditOutcomes.Denied, problem));
        return PolicyChangeResult.Refused(problem);
    }

    private AuditRecord Record(AccessCaller by, string action, string outcome, string? reason) =>
        AuditRecord.By(by, clock.GetUtcNow(), AuditTypes.FacilityPolicy, action, outcome, null, reason)
            with { ChainKey = AuditChains.Facility(Code), Detail = new Dictionary<string, string> { ["facility"] = Code } };
}
