namespace KMN.Orleans.Grains.Abstractions.Accounts;

/// <summary>
/// One staff member's account, keyed by <see cref="StaffAccountProfile.AccountId"/>: profile, bound cards,
/// password hash and the failure counter that locks it. Every sign-in decision it makes is audited.
/// </summary>
[Alias("kmn.IStaffAccountGrain")]
public interface IStaffAccountGrain : IGrainWithStringKey
{
    [Alias("GetProfile")]
    Task<StaffAccountProfile?> GetProfileAsync();

    [Alias("GetStatus")]
    Task<StaffAccountStatus> GetStatusAsync();

    /// <summary>Creates or updates the account. Idempotent. Throws ArgumentException (Japanese) when invalid.</summary>
    [Alias("Enroll")]
    Task<WriteOutcome> EnrollAsync(StaffAccountProfile profile);

    /// <summary>
    /// Binds a verified card to this account (and claims it in the card index). Refuses facility
    /// certificates, HPKI cards whose qualification differs from the role, and cards bound elsewhere.
    /// </summary>
    [Alias("BindCard")]
    Task<WriteOutcome> BindCardAsync(CardFacts card);

    [Alias("UnbindCard")]
    Task UnbindCardAsync(string thumbprint);

    /// <summary>Sets the password (hashed with PBKDF2). Throws ArgumentException (Japanese) when it breaks the rules.</summary>
    [Alias("SetPassword")]
    Task SetPasswordAsync(string password);

    /// <summary>Both factors: a card bound to this account and the password. Audited.</summary>
    [Alias("SignIn")]
    Task<SignInResult> SignInAsync(CardFacts card, string password, string? sourceAddress);

    /// <summary>Clears a lockout before it expires (an operator's or facility administrator's action). Audited.</summary>
    [Alias("Unlock")]
    Task UnlockAsync(string byAccountId);
}
