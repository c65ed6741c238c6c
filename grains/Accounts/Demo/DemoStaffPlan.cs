using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Demo;

namespace KMN.Orleans.Grains.Accounts.Demo;

/// <summary>
/// The demo staff of the seeded demo network: at every facility the roles that work there, and one
/// network operator (at the first hospital, standing in for the network office). Deterministic in the seed.
/// </summary>
public static class DemoStaffPlan
{
    private static readonly Dictionary<FacilityKind, StaffRole[]> RolesByKind = new()
    {
        [FacilityKind.Hospital] = [StaffRole.Physician, StaffRole.Nurse, StaffRole.Pharmacist, StaffRole.Clerk, StaffRole.FacilityAdministrator],
        [FacilityKind.Clinic] = [StaffRole.Physician, StaffRole.Nurse, StaffRole.Clerk],
        [FacilityKind.DentalClinic] = [StaffRole.Dentist, StaffRole.Clerk],
        [FacilityKind.Pharmacy] = [StaffRole.Pharmacist, StaffRole.Clerk],
        [FacilityKind.VisitingNurseStation] = [StaffRole.Nurse, StaffRole.CareManager],
        [FacilityKind.CareHome] = [StaffRole.CareWorker, StaffRole.CareManager, StaffRole.FacilityAdministrator],
        [FacilityKind.CommunityCareCenter] = [StaffRole.CareManager],
    };

    public static IReadOnlyList<(StaffAccountProfile Profile, FacilityProfile Facility)> Staff(int seed)
    {
        var facilities = new DemoNetworkGenerator(seed).Facilities();
        var random = new Random(seed ^ 0x5354AF) /* not HashCode.Combine: it is randomized per process */;
        var result = new List<(StaffAccountProfile, FacilityProfile)>();
        foreach (var facility in facilities)
        {
            var roles = RolesByKind[facility.Kind].ToList();
            if (result.Count == 0)
                roles.Add(StaffRole.NetworkOperator);
            for (var i = 0; i < roles.Count; i++)
            {
                var family = JapaneseNames.Family[random.Next(JapaneseNames.Family.Length)];
                var given = random.Next(2) == 0
                    ? JapaneseNames.Male[random.Next(JapaneseNames.Male.Length)]
                    : JapaneseNames.Female[random.Next(JapaneseNames.Female.Length)];
                result.Add((new StaffAccountProfile($"{facility.Code}-{i + 1:D2}", facility.Code, roles[i],
                    family.Kanji, given.Kanji, family.Kana, given.Kana), facility));
            }
        }
        return result;
    }
}
