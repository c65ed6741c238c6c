using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Network;
using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Grains.Abstractions.Staff;
using KMN.Orleans.Web.Auth;

namespace KMN.Orleans.Web.Services.FacilityAdmin;

/// <summary><see cref="IFacilityAdminService"/> over the Orleans client, each call guarded (timeout, cluster failures).</summary>
public sealed class ClusterFacilityAdminService(IClusterClient client, GrainCallGuard guard, ICurrentStaff staff,
    NetworkDirectoryService directory) : IFacilityAdminService
{
    /// <summary>A 10 MB scanned form takes longer to travel than an ordinary call.</summary>
    private static readonly TimeSpan UploadTimeout = TimeSpan.FromSeconds(60);

    public Task<AccessCaller?> CallerAsync() => staff.GetAsync();

    public Task<IReadOnlyList<FacilitySummary>> FacilitiesAsync() => directory.ListFacilitiesAsync();

    public Task<FacilityAccessProfile?> AccessProfileAsync(string facility) =>
        guard.RunAsync("GetAccessProfile", () => client.GetGrain<IFacilityGrain>(facility).GetAccessProfileAsync());

    public Task<StaffList> StaffAsync(string facility) =>
        AsCallerAsync("ListStaff", by => client.GetGrain<IFacilityStaffGrain>(facility).ListAsync(by));

    public Task<PolicyChangeResult> UnlockAsync(string facility, string accountId) =>
        AsCallerAsync("UnlockStaff", by => client.GetGrain<IFacilityStaffGrain>(facility).UnlockAsync(by, accountId));

    public Task<PolicyChangeResult> SetRoleCategoriesAsync(string facility, StaffRole role, ImmutableArray<RecordCategory> categories) =>
        AsCallerAsync("SetRoleCategories", by => client.GetGrain<IFacilityGrain>(facility).SetRoleCategoriesAsync(by, role, categories));

    public Task<PolicyChangeResult> SetDisclosureAsync(string facility, ImmutableArray<RecordCategory> disclosed, UndisclosedVisibility undisclosed) =>
        AsCallerAsync("SetDisclosure", by => client.GetGrain<IFacilityGrain>(facility).SetDisclosureAsync(by, disclosed, undisclosed));

    public Task<FacilityConsentPage> ConsentsAsync(string facility, int offset, int limit) =>
        AsCallerAsync("ListConsents", by => Consents(facility).ListAsync(by, offset, limit));

    public Task<FacilityConsentPage> ConsentHistoryAsync(string facility, string patientId) =>
        AsCallerAsync("ConsentHistory", by => Consents(facility).HistoryAsync(by, patientId));

    public async Task<string?> FindPatientAsync(string facility, string networkIdOrChartNumber)
    {
        var text = NameNormalizer.Normalize(networkIdOrChartNumber);
        if (text.Length == 0)
            return null;
        var network = client.GetGrain<INetworkDirectoryGrain>(0);
        var byId = await guard.RunAsync("FindPatient", () => network.SearchPatientsAsync(new PatientDirectoryQuery(text, null, null, null, null, null, 1)));
        if (byId.Count > 0)
            return byId[0].NetworkPatientId;
        var byChart = await guard.RunAsync("FindPatient", () => network.SearchPatientsAsync(new PatientDirectoryQuery(null, facility, text, null, null, null, 2)));
        return byChart.Count == 1 ? byChart[0].NetworkPatientId : null;
    }

    public Task<ConsentReceipt> RegisterConsentAsync(string facility, string patientId, ConsentRegistration registration, ConsentFormUpload? form) =>
        AsCallerAsync("RegisterConsent", by => Consents(facility).RegisterAsync(by, patientId, registration, form), UploadTimeout);

    public Task<ConsentReceipt> AddConsentFacilitiesAsync(string facility, string patientId, ImmutableArray<string> facilities) =>
        AsCallerAsync("AddConsentFacilities", by => Consents(facility).AddFacilitiesAsync(by, patientId, facilities));

    public Task<ConsentReceipt> RemoveConsentFacilitiesAsync(string facility, string patientId, ImmutableArray<string> facilities) =>
        AsCallerAsync("RemoveConsentFacilities", by => Consents(facility).RemoveFacilitiesAsync(by, patientId, facilities));

    public Task<ConsentReceipt> RevokeConsentAsync(string facility, string patientId, string? note, ConsentFormUpload? form) =>
        AsCallerAsync("RevokeConsent", by => Consents(facility).RevokeAsync(by, patientId, note, form), UploadTimeout);

    public async Task<(ImmutableArray<AuditEntry> Entries, string? Problem)> AccessHistoryAsync(string facility, int limit)
    {
        try
        {
            return (await AsCallerAsync("FacilityAccessHistory",
                by => client.GetGrain<IAccessReviewGrain>(0).FacilityAccessHistoryAsync(by, facility, limit)), null);
        }
        catch (UnauthorizedAccessException refused)
        {
            return ([], refused.Message);
        }
    }

    private IFacilityConsentsGrain Consents(string facility) => client.GetGrain<IFacilityConsentsGrain>(facility);

    private async Task<T> AsCallerAsync<T>(string operation, Func<AccessCaller, Task<T>> call, TimeSpan? timeout = null)
    {
        var caller = await staff.GetAsync() ?? throw new UnauthorizedAccessException("サインインしていません。");
        return await guard.RunAsync(operation, () => call(caller), timeout);
    }
}
