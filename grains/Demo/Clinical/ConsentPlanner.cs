using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>
/// Varied consents: most patients sign themselves, the very old (and the 未告知 patient) through a family member;
/// most permit every participating facility, some only the facilities that treat them.
/// </summary>
public static class ConsentPlanner
{
    private static readonly (string Code, string Word, Sex Sex)[] Relations =
        [("SON", "長男", Sex.Male), ("DAU", "長女", Sex.Female), ("WIFE", "妻", Sex.Female), ("HUSB", "夫", Sex.Male)];

    public static ConsentPlan Plan(Random random, PatientProfile patient, PatientRole role, DateOnly date,
        IReadOnlyList<CareSite> sites, IReadOnlyList<string> otherProviders)
    {
        var age = (date.DayNumber - patient.BirthDate.DayNumber) / 365;
        var proxy = role == PatientRole.UndisclosedDiagnosis || random.Chance(age >= 80 ? 0.5 : age < 16 ? 0.95 : 0.04)
            ? ProxyFor(random, patient, role, age)
            : null;
        var all = role is PatientRole.Heaviest or PatientRole.DuplicatePrescriptions || random.Chance(0.65);
        if (all)
            return new ConsentPlan(date, proxy, []);
        var permitted = sites.Select(s => s.Facility.Code).ToList();
        if (random.Chance(0.3))
            permitted.Add(random.Pick(otherProviders));
        return new ConsentPlan(date, proxy, [.. permitted.Distinct()]);
    }

    private static Proxy ProxyFor(Random random, PatientProfile patient, PatientRole role, int age)
    {
        // Children sign through a parent; spouses only for adults of the other sex; otherwise a grown-up child.
        var (code, word, sex) = age < 16 ? ("MTH", "母", Sex.Female)
            : role == PatientRole.UndisclosedDiagnosis ? Relations[0]
            : random.Pick(Relations.Where(r => r.Code is "SON" or "DAU"
                || (r.Code == "WIFE" && patient.Sex == Sex.Male) || (r.Code == "HUSB" && patient.Sex == Sex.Female)).ToList());
        var given = random.Pick(sex == Sex.Female ? JapaneseNames.Female : JapaneseNames.Male);
        return new Proxy(patient.FamilyName, given.Kanji, patient.FamilyNameKana, given.Kana, sex, code, word);
    }
}
