using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Network;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Grains.Abstractions.Staff;
using KMN.Orleans.Web.Services.FacilityAdmin;

namespace KMN.Orleans.PortalTests.FacilityAdmin;

/// <summary>
/// The facility administration service in memory: one hospital with its defaults, two staff, and the grain's
/// answers for the cases the pages show (a proxy without a name is refused in the grain's words).
/// </summary>
public sealed class FakeFacilityAdminService(AccessCaller caller) : IFacilityAdminService
{
    public const string Hospital = "4311000017";
    public const string Clinic = "4312000015";

    public SharingPolicy Policy { get; set; } = SharingDefaults.For(FacilityKind.Hospital);
    public List<(StaffRole Role, ImmutableArray<RecordCategory> Categories)> RoleChanges { get; } = [];
    public List<ConsentRegistration> Registered { get; } = [];
    public List<string> Unlocked { get; } = [];

    public static StaffAccountProfile Nurse { get; } = new($"{Hospital}-02", Hospital, StaffRole.Nurse, "熊本", "花子", "クマモト", "ハナコ");
    public static StaffAccountProfile Clerk { get; } = new($"{Hospital}-04", Hospital, StaffRole.Clerk, "阿蘇", "次郎", "アソ", "ジロウ");

    public Task<AccessCaller?> CallerAsync() => Task.FromResult<AccessCaller?>(caller);

    public Task<IReadOnlyList<FacilitySummary>> FacilitiesAsync() => Task.FromResult<IReadOnlyList<FacilitySummary>>(
    [
        new(Hospital, "熊本中央病院", FacilityKind.Hospital, "熊本市中央区", true, FacilityStatus.Active),
        new(Clinic, "阿蘇診療所", FacilityKind.Clinic, "阿蘇市", true, FacilityStatus.Active),
    ]);

    public Task<FacilityAccessProfile?> AccessProfileAsync(string facility) =>
        Task.FromResult<FacilityAccessProfile?>(new FacilityAccessProfile(facility, FacilityKind.Hospital, FacilityStatus.Active, true, Policy));

    public List<string> StaffAskedFor { get; } = [];

    public Task<StaffList> StaffAsync(string facility)
    {
        StaffAskedFor.Add(facility);
        return Task.FromResult(facility == caller.FacilityCode || caller.Role == StaffRole.NetworkOperator
            ? new StaffList([new StaffMember(Nurse, 1, true, 5, DateTimeOffset.UtcNow.AddMinutes(20), null),
                             new StaffMember(Clerk, 1, true, 0, null, DateTimeOffset.UtcNow.AddDays(-1))], null)
            : StaffList.Refused("閲覧できません。"));
    }

    public Task<PolicyChangeResult> UnlockAsync(string facility, string accountId)
    {
        Unlocked.Add(accountId);
        return Task.FromResult(new PolicyChangeResult(WriteOutcome.Updated, null));
    }

    public Task<PolicyChangeResult> SetRoleCategoriesAsync(string facility, StaffRole role, ImmutableArray<RecordCategory> categories)
    {
        if (caller.Role != StaffRole.FacilityAdministrator || caller.FacilityCode != facility)
            return Task.FromResult(PolicyChangeResult.Refused($"施設 {facility} の共有設定は、この施設の施設管理者のみが変更できます。"));
        RoleChanges.Add((role, categories));
        Policy = Policy.WithRole(role, categories);
        return Task.FromResult(new PolicyChangeResult(WriteOutcome.Updated, null));
    }

    public Task<PolicyChangeResult> SetDisclosureAsync(string facility, ImmutableArray<RecordCategory> disclosed, UndisclosedVisibility undisclosed)
    {
        Policy = Policy with { Disclosed = SharingPolicy.Normalize(disclosed), Undisclosed = undisclosed };
        return Task.FromResult(new PolicyChangeResult(WriteOutcome.Updated, null));
    }

    public Task<FacilityConsentPage> ConsentsAsync(string facility, int offset, int limit) =>
        Task.FromResult(new FacilityConsentPage([.. Registered.Select((r, i) => new FacilityConsentRow(Version(r, i + 1), "山田 太郎", "ヤマダ タロウ"))], false, null));

    public Task<FacilityConsentPage> ConsentHistoryAsync(string facility, string patientId) => ConsentsAsync(facility, 0, 50);

    public Task<string?> FindPatientAsync(string facility, string networkIdOrChartNumber) =>
        Task.FromResult<string?>(networkIdOrChartNumber == "00012345" ? "430000000001" : null);

    public Task<ConsentReceipt> RegisterConsentAsync(string facility, string patientId, ConsentRegistration registration, ConsentFormUpload? form)
    {
        if (registration.Signer is { Kind: ConsentSigner.Proxy } s && (string.IsNullOrWhiteSpace(s.ProxyName) || string.IsNullOrWhiteSpace(s.ProxyRelationship)))
            return Task.FromResult(new ConsentReceipt(patientId, 0, null, null, "代理人の署名には代理人の氏名と続柄が必要です。"));
        Registered.Add(registration);
        return Task.FromResult(new ConsentReceipt(patientId, Registered.Count, ConsentChange.Registered, DateTimeOffset.UtcNow, null));
    }

    public Task<ConsentReceipt> AddConsentFacilitiesAsync(string facility, string patientId, ImmutableArray<string> facilities) =>
        throw new NotSupportedException();

    public Task<ConsentReceipt> RemoveConsentFacilitiesAsync(string facility, string patientId, ImmutableArray<string> facilities) =>
        throw new NotSupportedException();

    public Task<ConsentReceipt> RevokeConsentAsync(string facility, string patientId, string? note, ConsentFormUpload? form) =>
        Task.FromResult(new ConsentReceipt(patientId, Registered.Count + 1, ConsentChange.Revoked, DateTimeOffset.UtcNow, null));

    public Task<(ImmutableArray<AuditEntry> Entries, string? Problem)> AccessHistoryAsync(string facility, int limit) =>
        Task.FromResult<(ImmutableArray<AuditEntry>, string?)>(caller.Role == StaffRole.NetworkOperator || caller.FacilityCode == facility
            ? ([new AuditEntry(1, DateTimeOffset.UtcNow, "record-access", "read", "success", null, Nurse.AccountId, Nurse.DisplayName,
                facility, "看護師", "430000000001", "TREAT", ["病名"], 3, null)], null)
            : ([], "閲覧できません。"));

    private static ConsentVersion Version(ConsentRegistration r, int version) =>
        new("430000000001", version, ConsentChange.Registered, DateTimeOffset.UtcNow, Hospital, $"{Hospital}-05", r.Date, r.Signer, r.Scope,
            false, Hospital, $"{Hospital}-05", r.FormReference, null, null);
}
