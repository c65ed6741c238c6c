using KMN.Orleans.Grains.Abstractions.Network;

namespace KMN.Orleans.Web.Services;

/// <summary>The network directory (facilities list and headline counts) for the portal pages.</summary>
public sealed class NetworkDirectoryService(IClusterClient client, GrainCallGuard guard)
{
    private INetworkDirectoryGrain Directory => client.GetGrain<INetworkDirectoryGrain>(0);

    public Task<NetworkCounts> GetCountsAsync() =>
        guard.RunAsync("GetCounts", () => Directory.GetCountsAsync());

    public async Task<IReadOnlyList<FacilitySummary>> ListFacilitiesAsync()
    {
        var facilities = await guard.RunAsync("ListFacilities", () => Directory.ListFacilitiesAsync());
        return facilities.OrderBy(f => f.Code, StringComparer.Ordinal).ToList();
    }
}
