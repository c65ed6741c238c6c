using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using static KMN.Orleans.Grains.Abstractions.Access.RecordCategory;

namespace KMN.Orleans.Grains.Abstractions.Facilities;

/// <summary>
/// The policy a facility starts with until its administrator changes it. Clinicians see what their work
/// needs; care staff see less (a care home's 介護職員 sees prescriptions and the bulletin board, not diagnoses
/// or lab results); administrators and operators manage, they do not read charts. Care homes and 地域包括支援
/// センター never see images or clinical documents by default. A data-providing facility discloses everything.
/// </summary>
public static class SharingDefaults
{
    private static readonly RecordCategory[] Clinical = [Diagnoses, Medications, LabResults, Imaging, Documents, Checkups, BulletinBoard];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<FacilityKind, SharingPolicy> Cache = new();

    /// <summary>The defaults of a kind (computed once: every access decision asks for them).</summary>
    public static SharingPolicy For(FacilityKind kind) => Cache.GetOrAdd(kind, Build);

    private static SharingPolicy Build(FacilityKind kind)
    {
        var cap = kind is FacilityKind.CareHome or FacilityKind.CommunityCareCenter
            ? [Diagnoses, Medications, LabResults, Checkups, BulletinBoard]
            : Clinical;
        var roles = Enum.GetValues<StaffRole>()
            .Select(role => new RoleCategories(role, SharingPolicy.Normalize(ForRole(role).Intersect(cap))))
            .OrderBy(r => r.Role)
            .ToImmutableArray();
        var disclosed = kind.ProvidesDataByDefault() ? SharingPolicy.Normalize(Clinical) : [];
        return new SharingPolicy(roles, disclosed, UndisclosedVisibility.OwnFacilityOnly);
    }

    private static RecordCategory[] ForRole(StaffRole role) => role switch
    {
        StaffRole.Physician or StaffRole.Dentist or StaffRole.Nurse => Clinical,
        StaffRole.Pharmacist => [Diagnoses, Medications, LabResults, Checkups, BulletinBoard],
        StaffRole.CareManager => [Diagnoses, Medications, Checkups, BulletinBoard],
        StaffRole.CareWorker => [Medications, BulletinBoard],
        StaffRole.Clerk => [BulletinBoard],
        _ => [], // 施設管理者, ネットワーク運用者
    };
}
