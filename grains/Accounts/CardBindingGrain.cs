using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Persistence;

namespace KMN.Orleans.Grains.Accounts;

/// <summary>Certificate thumbprint → account. Orleans' single activation makes "first claim wins" race-free.</summary>
public sealed class CardBindingGrain(
    [PersistentState("card", StorageNames.State)] IPersistentState<CardBindingState> state) : Grain, ICardBindingGrain
{
    public Task<string?> GetAccountIdAsync() => Task.FromResult(state.State.AccountId);

    public async Task<bool> ClaimAsync(string accountId)
    {
        if (state.State.AccountId is { } current)
            return current == accountId;
        state.State.AccountId = accountId;
        await state.WriteOrDeactivateAsync(this);
        return true;
    }

    public async Task ReleaseAsync(string accountId)
    {
        if (state.State.AccountId != accountId)
            return;
        state.State.AccountId = null;
        await state.WriteOrDeactivateAsync(this);
    }
}
