namespace KMN.Orleans.Grains.Abstractions.Accounts;

/// <summary>
/// The portal's single entry point for signing in: takes the edge's verdict on the presented certificate and
/// the password, finds the account bound to the card and asks it. Refusals decided before the account is
/// known (no card, untrusted, revoked, unknown card, ...) are audited here. Stateless worker: key 0.
/// </summary>
[Alias("kmn.ISignInGrain")]
public interface ISignInGrain : IGrainWithIntegerKey
{
    [Alias("SignIn")]
    Task<SignInResult> SignInAsync(CardVerdict card, string password, string? sourceAddress);
}
