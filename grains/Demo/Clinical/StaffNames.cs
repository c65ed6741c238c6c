using System.Globalization;
using KMN.Orleans.Grains.Abstractions.Facilities;

namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>
/// Who signs the demo records at each facility (prescriber, pharmacist, radiologist): names drawn from the demo
/// name lists, fixed per facility and role so the same doctor appears on every visit.
/// </summary>
public static class StaffNames
{
    public static string Doctor(FacilityProfile facility, int seed) => Name(facility, seed, 1, facility.Kind switch
    {
        FacilityKind.DentalClinic => "歯科医師",
        FacilityKind.VisitingNurseStation => "看護師",
        _ => "内科 医師",
    });

    public static string Pharmacist(FacilityProfile facility, int seed) => Name(facility, seed, 2, "薬剤師");

    public static string Radiologist(FacilityProfile facility, int seed) => Name(facility, seed, 3, "放射線科 医師");

    private static string Name(FacilityProfile facility, int seed, int role, string title)
    {
        var random = DemoRandom.For(seed, int.Parse(facility.Code[3..9], CultureInfo.InvariantCulture), 900 + role);
        var family = random.Pick(JapaneseNames.Family).Kanji;
        var given = random.Pick(random.Chance(0.5) ? JapaneseNames.Male : JapaneseNames.Female).Kanji;
        return $"{title} {family} {given}";
    }
}
