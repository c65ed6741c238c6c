namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>
/// Short illnesses at any of the patient's hospitals and clinics: colds in winter (ムコダイン 5 days) and low back
/// pain (ロキソニン 7 days), each a visit, a resolved diagnosis and a prescription.
/// </summary>
public static class AcuteCareStory
{
    public static void Generate(HistoryContext ctx)
    {
        var plan = ctx.Plan;
        var heavy = plan.Role == PatientRole.Heaviest;
        foreach (var site in plan.Medical)
        {
            var random = ctx.Stream(20, int.Parse(site.Facility.Code[3..9], System.Globalization.CultureInfo.InvariantCulture));
            var record = (FacilityRecord?)null;
            var doctor = StaffNames.Doctor(site.Facility, ctx.Seed);
            var episode = 0;
            for (var year = plan.Start.Year; year <= ctx.Until.Year; year++)
            {
                var cold = random.Chance(heavy && site != plan.Main ? 0.9 : 0.2);
                var back = random.Chance(heavy && site != plan.Main ? 0.4 : 0.08);
                var coldDay = new DateOnly(year, 1, 1).AddDays(random.Next(0, 80) + (random.Chance(0.5) ? 300 : 0));
                var backDay = new DateOnly(year, 1, 1).AddDays(random.Next(0, 360));
                if (cold && ctx.InHistory(coldDay))
                    Episode(ctx, record ??= ctx.Record(site), doctor, episode++, HistoryContext.Weekday(coldDay), Diagnoses.Cold, 5, random);
                if (back && ctx.InHistory(backDay))
                    Episode(ctx, record ??= ctx.Record(site), doctor, episode++, HistoryContext.Weekday(backDay), Diagnoses.LowBackPain, 7, random);
            }
        }
    }

    private static void Episode(HistoryContext ctx, FacilityRecord record, string doctor, int episode, DateOnly date,
        Diagnosis diagnosis, int days, Random random)
    {
        var id = $"{ctx.P}-a{episode}";
        var at = HistoryContext.At(date, 9 + random.Next(0, 8), random.Next(0, 4) * 15);
        var condition = ConditionResource.Add(record, id + "-dx", diagnosis, date, at, date.AddDays(days + 3), null, doctor);
        var encounter = EncounterResource.Add(record, id, "AMB", "初診", at, at.AddMinutes(10), doctor, [condition]);
        ctx.Prescriptions.Add(MedicationResources.Prescribe(record, $"{id}-{diagnosis.Treatment!.Key}", diagnosis.Treatment, at.AddMinutes(5),
            days, encounter, doctor, ctx.Until));
    }
}
