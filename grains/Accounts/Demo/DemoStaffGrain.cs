using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Demo;
using KMN.Orleans.Grains.Persistence;
using Microsoft.Extensions.Logging;

namespace KMN.Orleans.Grains.Accounts.Demo;

/// <summary>
/// Loads demo staff through the real account grains. Every step is idempotent (enroll, bind), and the
/// load is remembered by the fingerprint of its cards, so restarts neither duplicate nor redo it.
/// </summary>
public sealed class DemoStaffGrain(
    [PersistentState("demostaff", StorageNames.State)] IPersistentState<DemoStaffState> state,
    TimeProvider clock,
    ILogger<DemoStaffGrain> logger) : Grain, IDemoStaffGrain
{
    public async Task<DemoStaffReport> EnsureLoadedAsync(DemoNetworkSpec network, ImmutableArray<DemoStaffCard> staff)
    {
        var fingerprint = Fingerprint(staff);
        if (state.State.LoadedFingerprint == fingerprint && state.State.Finished is { } done)
            return done with { AlreadyLoaded = true };

        // Accounts belong to facilities: the demo network comes first (a no-op once it is loaded).
        await GrainFactory.GetGrain<IDemoNetworkGrain>("kumamoto").EnsureLoadedAsync(network);
        await Task.WhenAll(staff.Select(LoadOneAsync));

        state.State.LoadedFingerprint = fingerprint;
        state.State.Finished = new DemoStaffReport(false, staff.Length, clock.GetUtcNow());
        await state.WriteOrDeactivateAsync(this);
        logger.LogInformation("Demo staff loaded: {Accounts} accounts with cards", staff.Length);
        return state.State.Finished;
    }

    private async Task LoadOneAsync(DemoStaffCard member)
    {
        var account = GrainFactory.GetGrain<IStaffAccountGrain>(member.Profile.AccountId);
        await account.EnrollAsync(member.Profile);
        await account.BindCardAsync(member.Card);
        await account.SetPasswordAsync(member.Password);
    }

    private static string Fingerprint(ImmutableArray<DemoStaffCard> staff) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\n', staff.Select(s => $"{s.Profile.AccountId}:{s.Card.Thumbprint}")))));
}
