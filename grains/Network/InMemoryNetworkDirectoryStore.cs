using System.Collections.Concurrent;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Network;
using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Grains.Network;

/// <summary>Directory projection for fast grain tests that run without PostgreSQL.</summary>
public sealed class InMemoryNetworkDirectoryStore : INetworkDirectoryStore
{
    private readonly ConcurrentDictionary<string, FacilityProfile> _facilities = new();
    private readonly ConcurrentDictionary<string, PatientProfile> _patients = new();

    public Task UpsertFacilityAsync(FacilityProfile facility, CancellationToken ct = default)
    {
        _facilities[facility.Code] = facility;
        return Task.CompletedTask;
    }

    public Task UpsertPatientAsync(PatientProfile patient, CancellationToken ct = default)
    {
        _patients[patient.NetworkPatientId] = patient;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FacilitySummary>> ListFacilitiesAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<FacilitySummary>>(_facilities.Values
            .OrderBy(f => f.Kind).ThenBy(f => f.Code, StringComparer.Ordinal)
            .Select(FacilitySummary.From).ToList());

    public Task<NetworkCounts> CountAsync(CancellationToken ct = default) =>
        Task.FromResult(new NetworkCounts(_facilities.Count, _patients.Count));

    public Task<IReadOnlyList<PatientProfile>> SearchPatientsAsync(PatientDirectoryQuery query, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<PatientProfile>>(_patients.Values.Where(query.Matches)
            .OrderBy(p => p.FamilyNameKana + p.GivenNameKana, StringComparer.Ordinal).ThenBy(p => p.NetworkPatientId, StringComparer.Ordinal)
            .Take(query.Limit).ToList());
}
