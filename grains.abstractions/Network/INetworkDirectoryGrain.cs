namespace KMN.Orleans.Grains.Abstractions.Network;

/// <summary>
/// Read side of the network directory (a PostgreSQL projection the facility and patient grains keep).
/// A stateless worker: any silo answers, so listing never funnels through one activation.
/// </summary>
[Alias("kmn.INetworkDirectoryGrain")]
public interface INetworkDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("ListFacilities")]
    Task<IReadOnlyList<FacilitySummary>> ListFacilitiesAsync();

    [Alias("GetCounts")]
    Task<NetworkCounts> GetCountsAsync();

    /// <summary>Patients matching the query, at most <see cref="PatientDirectoryQuery.Limit"/>, ordered by reading.</summary>
    [Alias("SearchPatients")]
    Task<IReadOnlyList<Patients.PatientProfile>> SearchPatientsAsync(PatientDirectoryQuery query);
}
