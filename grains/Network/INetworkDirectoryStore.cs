using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Network;
using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Grains.Network;

/// <summary>
/// The directory projection. Grains write through it after their own state is saved; a failed projection
/// write fails the grain call, so the caller retries and the idempotent upsert converges.
/// </summary>
public interface INetworkDirectoryStore
{
    Task UpsertFacilityAsync(FacilityProfile facility, CancellationToken ct = default);
    Task UpsertPatientAsync(PatientProfile patient, CancellationToken ct = default);
    Task<IReadOnlyList<FacilitySummary>> ListFacilitiesAsync(CancellationToken ct = default);
    Task<NetworkCounts> CountAsync(CancellationToken ct = default);
    Task<IReadOnlyList<PatientProfile>> SearchPatientsAsync(PatientDirectoryQuery query, CancellationToken ct = default);
}
