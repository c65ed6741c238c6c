using KMN.Orleans.Grains.Abstractions.Demo;

namespace KMN.Orleans.Grains.Abstractions.Access;

/// <summary>
/// Gives the demo network its consents (varied scopes, a few revoked, some signed by a proxy) and sharing
/// settings (a care home whose care staff see less), through the same grain methods staff use. Once per network.
/// </summary>
[Alias("kmn.IDemoAccessGrain")]
public interface IDemoAccessGrain : IGrainWithStringKey
{
    /// <summary>Returns how many demo patients have a consent (revoked ones included).</summary>
    [Alias("EnsureLoaded")]
    Task<int> EnsureLoadedAsync(DemoNetworkSpec spec);
}
