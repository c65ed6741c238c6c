using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Network;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Grains.Abstractions.Staff;

namespace KMN.Orleans.Web.Services.FacilityAdmin;

/// <summary>
/// What the facility administration pages ask of the cluster, always as the signed-in staff member: the grains
/// decide who may do what and answer refusals in Japanese; this layer only passes them on. Cluster failures
/// surface as <see cref="ClusterUnavailableException"/>.
/// </summary>
public interface IFacilityAdminService
{
    Task<AccessCaller?> CallerAsync();

    Task<IReadOnlyList<FacilitySummary>> FacilitiesAsync();

    Task<FacilityAccessProfile?> AccessProfileAsync(string facility);

    Task<StaffList> StaffAsync(string facility);

    Task<PolicyChangeResult> UnlockAsync(string facility, string accountId);

    Task<PolicyChangeResult> SetRoleCategoriesAsync(string facility, StaffRole role, ImmutableArray<RecordCategory> categories);

    Task<PolicyChangeResult> SetDisclosureAsync(string facility, ImmutableArray<RecordCategory> disclosed, UndisclosedVisibility undisclosed);

    Task<FacilityConsentPage> ConsentsAsync(string facility, int offset, int limit);

    Task<FacilityConsentPage> ConsentHistoryAsync(string facility, string patientId);

    /// <summary>The network patient a network id or one of this facility's chart numbers names; null when none.</summary>
    Task<string?> FindPatientAsync(string facility, string networkIdOrChartNumber);

    Task<ConsentReceipt> RegisterConsentAsync(string facility, string patientId, ConsentRegistration registration, ConsentFormUpload? form);

    Task<ConsentReceipt> AddConsentFacilitiesAsync(string facility, string patientId, ImmutableArray<string> facilities);

    Task<ConsentReceipt> RemoveConsentFacilitiesAsync(string facility, string patientId, ImmutableArray<string> facilities);

    Task<ConsentReceipt> RevokeConsentAsync(string facility, string patientId, string? note, ConsentFormUpload? form);

    /// <summary>This facility's staff's reads, newest first; the refusal text when the caller may not see them.</summary>
    Task<(ImmutableArray<AuditEntry> Entries, string? Problem)> AccessHistoryAsync(string facility, int limit);
}
