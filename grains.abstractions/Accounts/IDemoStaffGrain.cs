using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Demo;

namespace KMN.Orleans.Grains.Abstractions.Accounts;

/// <summary>
/// Loads the demo staff accounts (key "kumamoto") after the demo network: enrolls each account, binds its
/// card and sets its password. Idempotent; a different set of cards (a re-created PKI) is loaded again.
/// </summary>
[Alias("kmn.IDemoStaffGrain")]
public interface IDemoStaffGrain : IGrainWithStringKey
{
    [Alias("EnsureLoaded")]
    Task<DemoStaffReport> EnsureLoadedAsync(DemoNetworkSpec network, ImmutableArray<DemoStaffCard> staff);
}
