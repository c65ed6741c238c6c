using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>
/// Which chronic diseases a patient has and since when: more with age, CKD mostly after diabetes or hypertension.
/// The first one predates the history; later ones may be diagnosed during it.
/// </summary>
public static class ChronicConditions
{
    public static Dictionary<Diagnosis, DateOnly> Plan(Random random, PatientProfile patient, PatientRole role, DateOnly start)
    {
        var age = (start.DayNumber - patient.BirthDate.DayNumber) / 365.25;
        List<Diagnosis> found = role switch
        {
            PatientRole.Heaviest => [Diagnoses.Diabetes, Diagnoses.Hypertension, Diagnoses.Dyslipidemia, Diagnoses.Ckd],
            PatientRole.DuplicatePrescriptions => [Diagnoses.Hypertension, Diagnoses.Dyslipidemia],
            PatientRole.UndisclosedDiagnosis => [Diagnoses.Hypertension],
            _ => Draw(random, age),
        };
        var onsets = new Dictionary<Diagnosis, DateOnly>();
        foreach (var diagnosis in found)
        {
            var before = onsets.Count == 0 || role != PatientRole.None || random.Chance(0.6);
            onsets[diagnosis] = before ? start.AddDays(-random.Next(30, 2500)) : start.AddDays(random.Next(60, 1200));
        }
        return onsets;
    }

    private static List<Diagnosis> Draw(Random random, double age)
    {
        var found = new List<Diagnosis>();
        if (age < 20)
            return found;
        if (random.Chance(Math.Clamp((age - 35) / 70, 0.02, 0.55)))
            found.Add(Diagnoses.Hypertension);
        if (random.Chance(Math.Clamp((age - 35) / 110, 0.01, 0.3)))
            found.Add(Diagnoses.Diabetes);
        if (random.Chance(Math.Clamp((age - 30) / 80, 0.02, 0.4)))
            found.Add(Diagnoses.Dyslipidemia);
        if (found.Count > 0 && age > 55 && random.Chance(0.2))
            found.Add(Diagnoses.Ckd);
        return found;
    }
}
