namespace KMN.Orleans.Grains.Abstractions.Accounts;

/// <summary>
/// The card index: one grain per certificate, keyed by its SHA-256 thumbprint (lower-case hex), naming the
/// account it is bound to. A certificate can be bound to at most one account.
/// </summary>
[Alias("kmn.ICardBindingGrain")]
public interface ICardBindingGrain : IGrainWithStringKey
{
    [Alias("GetAccountId")]
    Task<string?> GetAccountIdAsync();

    /// <summary>Binds the card to the account; false when it is already bound to another account.</summary>
    [Alias("Claim")]
    Task<bool> ClaimAsync(string accountId);

    /// <summary>Frees the card if it is bound to this account.</summary>
    [Alias("Release")]
    Task ReleaseAsync(string accountId);
}
