using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Audit;
using KMN.Orleans.Grains.Persistence;

namespace KMN.Orleans.Grains.Accounts;

public sealed partial class StaffAccountGrain
{
    public async Task<SignInResult> SignInAsync(CardFacts card, string password, string? sourceAddress)
    {
        var result = await DecideAsync(card, password);
        await AuditAsync(SecurityActions.SignIn, result.Succeeded, result.Reason.ToString(), card, sourceAddress,
            new() { ["failures"] = state.State.ConsecutiveFailures.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return result;
    }

    private async Task<SignInResult> DecideAsync(CardFacts card, string password)
    {
        var s = state.State;
        var now = clock.GetUtcNow();
        var refuse = (SignInReason reason) => SignInResult.Refused(reason, card.Thumbprint);
        // The edge verified the certificate; these re-checks keep a wrong caller from skipping it.
        if (s.Profile is null || s.Cards.All(c => c.Thumbprint != card.Thumbprint))
            return refuse(SignInReason.UnknownCard);
        if (card.Kind == CardKind.FacilityCertificate)
            return refuse(SignInReason.FacilityCertificate);
        if (card.NotAfter < now)
            return refuse(SignInReason.Expired);
        if (card.NotBefore > now)
            return refuse(SignInReason.NotYetValid);
        if (s.LockedUntil is { } until)
        {
            if (until > now)
                return new SignInResult(SignInReason.Locked, null, card.Thumbprint, until, 0);
            s.LockedUntil = null;          // the lock ran out: a fresh run of attempts
            s.ConsecutiveFailures = 0;
        }
        if (card.Kind == CardKind.HpkiCard && card.HpkiRole != s.Profile.Role)
            return refuse(SignInReason.RoleMismatch);
        if (!PasswordRules.IsPlausible(password))
            return refuse(SignInReason.InvalidPassword);
        if (s.PasswordHash is not { } hash)
            return refuse(SignInReason.AccountDisabled);

        var matches = await Task.Run(() => PasswordHasher.Verify(password, hash));
        if (matches)
        {
            s.ConsecutiveFailures = 0;
            s.LastSignInAt = now;
            await state.WriteOrDeactivateAsync(this);
            return new SignInResult(SignInReason.Ok, s.Profile, card.Thumbprint, null, LockoutPolicy.MaxConsecutiveFailures);
        }
        s.ConsecutiveFailures++;
        var lockedNow = s.ConsecutiveFailures >= LockoutPolicy.MaxConsecutiveFailures;
        if (lockedNow)
            s.LockedUntil = now + LockoutPolicy.LockoutDuration;
        await state.WriteOrDeactivateAsync(this);
        if (!lockedNow)
            return new SignInResult(SignInReason.WrongPassword, null, card.Thumbprint, null,
                LockoutPolicy.MaxConsecutiveFailures - s.ConsecutiveFailures);
        await AuditAsync(SecurityActions.AccountLocked, false, SignInReason.WrongPassword.ToString(), card,
            detail: new() { ["lockedUntil"] = s.LockedUntil!.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture) });
        return new SignInResult(SignInReason.Locked, null, card.Thumbprint, s.LockedUntil, 0);
    }

    private Task AuditAsync(string action, bool success, string? reason = null, CardFacts? card = null,
        string? sourceAddress = null, Dictionary<string, string>? detail = null)
    {
        var p = state.State.Profile;
        return audit.AppendAsync(new SecurityEvent(clock.GetUtcNow(), action, success, reason, AccountId, p?.DisplayName,
            p?.FacilityCode, p?.Role.Japanese(), card?.Thumbprint, card?.SerialNumber, card?.Issuer, sourceAddress, detail));
    }
}
