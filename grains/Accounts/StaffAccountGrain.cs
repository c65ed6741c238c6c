using KMN.Orleans.Grains.Abstractions;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Staff;
using KMN.Orleans.Grains.Audit;
using KMN.Orleans.Grains.Persistence;

namespace KMN.Orleans.Grains.Accounts;

/// <summary>
/// A staff member's account. Holds the profile, the cards bound to it (by thumbprint), the password hash
/// and the failure counter. The grain is not reentrant, so guesses against one account are serialized.
/// </summary>
public sealed partial class StaffAccountGrain(
    [PersistentState("account", StorageNames.State)] IPersistentState<StaffAccountState> state,
    ISecurityEventStore audit,
    TimeProvider clock) : Grain, IStaffAccountGrain, IStaffAccountOverviewGrain
{
    private string AccountId => this.GetPrimaryKeyString();

    public Task<StaffAccountProfile?> GetProfileAsync() => Task.FromResult(state.State.Profile);

    public Task<StaffAccountStatus> GetStatusAsync()
    {
        var s = state.State;
        return Task.FromResult(new StaffAccountStatus(s.Profile, [.. s.Cards], s.PasswordHash is not null,
            s.ConsecutiveFailures, s.LockedUntil > clock.GetUtcNow() ? s.LockedUntil : null));
    }

    public async Task<WriteOutcome> EnrollAsync(StaffAccountProfile profile)
    {
        var problems = StaffAccountRules.Validate(profile, AccountId);
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(" ", problems), nameof(profile));
        if (await GrainFactory.GetGrain<IFacilityGrain>(profile.FacilityCode).GetProfileAsync() is null)
            throw new ArgumentException($"施設コード {profile.FacilityCode} の施設は登録されていません。", nameof(profile));

        var previous = state.State.Profile;
        var outcome = previous switch
        {
            null => WriteOutcome.Created,
            var current when current == profile => WriteOutcome.Unchanged,
            _ => WriteOutcome.Updated,
        };
        if (outcome != WriteOutcome.Unchanged)
        {
            state.State.Profile = profile;
            await state.WriteOrDeactivateAsync(this);
            await AuditAsync(SecurityActions.AccountEnrolled, true, detail: new() { ["outcome"] = outcome.ToString() });
        }
        // Also when unchanged: enrolling again repairs a directory entry an earlier failure left out.
        await UpdateStaffDirectoryAsync(previous, profile);
        return outcome;
    }

    public async Task<WriteOutcome> BindCardAsync(CardFacts card)
    {
        var profile = state.State.Profile ?? throw new InvalidOperationException($"アカウント {AccountId} は登録されていません。");
        if (card.Kind == CardKind.FacilityCertificate)
            throw new ArgumentException("施設の証明書は個人のアカウントに紐付けできません。", nameof(card));
        if (card.Kind == CardKind.HpkiCard && card.HpkiRole != profile.Role)
            throw new ArgumentException($"HPKI カードの資格（{card.HpkiRole?.Japanese() ?? "なし"}）がアカウントの職種（{profile.Role.Japanese()}）と一致しません。", nameof(card));
        // Claim first: if saving our state then fails, a retry finds the claim already ours.
        if (!await GrainFactory.GetGrain<ICardBindingGrain>(card.Thumbprint).ClaimAsync(AccountId))
            throw new InvalidOperationException("このカードは別のアカウントに紐付けられています。");
        if (state.State.Cards.Any(c => c.Thumbprint == card.Thumbprint))
            return WriteOutcome.Unchanged;
        state.State.Cards.Add(card);
        await state.WriteOrDeactivateAsync(this);
        await AuditAsync(SecurityActions.CardBound, true, card: card);
        return WriteOutcome.Created;
    }

    public async Task UnbindCardAsync(string thumbprint)
    {
        var card = state.State.Cards.FirstOrDefault(c => c.Thumbprint == thumbprint);
        if (card is null)
            return;
        state.State.Cards.Remove(card);
        await state.WriteOrDeactivateAsync(this);
        await GrainFactory.GetGrain<ICardBindingGrain>(thumbprint).ReleaseAsync(AccountId);
        await AuditAsync(SecurityActions.CardUnbound, true, card: card);
    }

    public async Task SetPasswordAsync(string password)
    {
        if (state.State.Profile is null)
            throw new InvalidOperationException($"アカウント {AccountId} は登録されていません。");
        var problems = PasswordRules.Validate(password);
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(" ", problems), nameof(password));
        // The KDF takes a few hundred milliseconds of CPU: keep it off the Orleans scheduler threads.
        state.State.PasswordHash = await Task.Run(() => PasswordHasher.Hash(password));
        await state.WriteOrDeactivateAsync(this);
        await AuditAsync(SecurityActions.PasswordSet, true);
    }

    public async Task UnlockAsync(string byAccountId)
    {
        if (state.State.ConsecutiveFailures == 0 && state.State.LockedUntil is null)
            return;
        state.State.ConsecutiveFailures = 0;
        state.State.LockedUntil = null;
        await state.WriteOrDeactivateAsync(this);
        await AuditAsync(SecurityActions.AccountUnlocked, true, detail: new() { ["by"] = byAccountId });
    }
}
