using KMN.Orleans.Grains.Abstractions.Network;
using Orleans.Concurrency;

namespace KMN.Orleans.Grains.Network;

/// <summary>Answers directory reads from the projection; stateless, so every silo can serve them locally.</summary>
[StatelessWorker]
public sealed class NetworkDirectoryGrain(INetworkDirectoryStore store) : Grain, INetworkDirectoryGrain
{
    public Task<IReadOnlyList<FacilitySummary>> ListFacilitiesAsync() => store.ListFacilitiesAsync();

    public Task<NetworkCounts> GetCountsAsync() => store.CountAsync();

    public Task<IReadOnlyList<Abstractions.Patients.PatientProfile>> SearchPatientsAsync(PatientDirectoryQuery query) =>
        store.SearchPatientsAsync(query with { Limit = Math.Clamp(query.Limit, 1, 200) });
}
