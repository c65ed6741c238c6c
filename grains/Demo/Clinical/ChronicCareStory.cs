namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>
/// Follow-up of chronic diseases at the main facility: a visit every 2–8 weeks with vitals, blood tests as the
/// diseases call for them (the full panel twice a year), and a prescription lasting until the next visit.
/// </summary>
public static class ChronicCareStory
{
    public static void Generate(HistoryContext ctx)
    {
        var plan = ctx.Plan;
        if (plan.Main is not { } main || plan.Chronic.Count == 0)
            return;
        var random = ctx.Stream(10);
        var noise = ctx.Stream(11);
        var record = ctx.Record(main);
        var doctor = StaffNames.Doctor(main.Facility, ctx.Seed);
        var heavy = plan.Role == PatientRole.Heaviest;
        var interval = heavy ? 14 : plan.Body.Has(Diagnoses.Diabetes) || plan.Body.Has(Diagnoses.Ckd) ? 28 : random.Chance(0.5) ? 28 : 56;
        var statin = random.Chance(0.5) ? Drugs.Atorvastatin : Drugs.Rosuvastatin;
        var diagnosed = new Dictionary<Diagnosis, ResourceKey>();
        var date = plan.Start;
        for (var visit = 0; ctx.InHistory(date); visit++)
        {
            var at = HistoryContext.At(date, 9 + random.Next(0, 7), random.Next(0, 4) * 15);
            foreach (var (diagnosis, onset) in plan.Chronic.Where(c => c.Value <= date && !diagnosed.ContainsKey(c.Key)))
                diagnosed[diagnosis] = ConditionResource.Add(record, $"{ctx.P}-dx-{diagnosis.Key}", diagnosis, onset, at, null, null, doctor);
            var id = $"{ctx.P}-c{visit}";
            var encounter = EncounterResource.Add(record, id, "AMB", visit == 0 ? "初診" : "再診", at, at.AddMinutes(15), doctor,
                [.. diagnosed.Values]);
            var sample = plan.Body.Sample(date, noise);
            LabPanel.AddVitals(record, id, at, encounter, sample, plan.Profile.Sex, weight: heavy || visit % 3 == 0);
            var labs = heavy || plan.Body.Has(Diagnoses.Diabetes) || plan.Body.Has(Diagnoses.Ckd) || visit % 3 == 0;
            if (labs)
                LabPanel.AddLabs(record, id, at.AddMinutes(-30), encounter, sample, LabPanel.For(plan.Body, full: heavy || visit % 6 == 0),
                    plan.Profile.Sex);
            foreach (var diagnosis in diagnosed.Keys.Where(d => d.Treatment is not null))
            {
                var drug = diagnosis == Diagnoses.Dyslipidemia ? statin : diagnosis.Treatment!;
                ctx.Prescriptions.Add(MedicationResources.Prescribe(record, $"{id}-{drug.Key}", drug, at.AddMinutes(10), interval,
                    encounter, doctor, ctx.Until));
            }
            date = HistoryContext.Weekday(date.AddDays(interval + random.Next(-3, 4)));
        }
    }
}
