using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Network;
using KMN.Orleans.Web.Chart.Search;

namespace KMN.Orleans.Web.Services.Chart;

/// <summary>
/// Searches the network's patient directory (a projection in PostgreSQL) through the directory grain. Chart
/// numbers are the caller's own facility's; names arrive already folded by NameNormalizer.
/// </summary>
public sealed class ClusterPatientDirectorySource(IClusterClient client, GrainCallGuard guard) : IPatientDirectorySource
{
    public async Task<DirectoryMatches> SearchAsync(PatientSearchQuery query, AccessCaller caller, int limit,
        CancellationToken cancellationToken = default)
    {
        var directoryQuery = new PatientDirectoryQuery(
            query.Kind == PatientSearchKind.NetworkPatientId ? query.Key : null,
            caller.FacilityCode,
            query.Kind == PatientSearchKind.ChartNumber ? query.Key : null,
            query.Kind == PatientSearchKind.Name ? query.Key : null,
            query.BirthDate, query.Sex, limit);
        var found = await guard.RunAsync("SearchPatients",
            () => client.GetGrain<INetworkDirectoryGrain>(0).SearchPatientsAsync(directoryQuery), cancellationToken: cancellationToken);
        return new DirectoryMatches(found, true);
    }
}
