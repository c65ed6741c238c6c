using KMN.Orleans.Grains.Abstractions.Facilities;

namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>
/// The patients the portal needs: a second facility prescribing the main facility's blood-pressure drug over the
/// last months (重複投薬 on the calendar), and a gastric cancer the hospital has not told the patient (未告知).
/// </summary>
public static class SpecialStories
{
    public const int DuplicateDays = 28;
    public const int DuplicatePrescriptions = 7;

    public static void Generate(HistoryContext ctx)
    {
        switch (ctx.Plan.Role)
        {
            case PatientRole.DuplicatePrescriptions:
                Duplicate(ctx);
                break;
            case PatientRole.UndisclosedDiagnosis:
                Undisclosed(ctx);
                break;
        }
    }

    private static void Duplicate(HistoryContext ctx)
    {
        if (ctx.Plan.Medical.FirstOrDefault(s => s != ctx.Plan.Main) is not { } second)
            return;
        var record = ctx.Record(second);
        var doctor = StaffNames.Doctor(second.Facility, ctx.Seed);
        var noise = ctx.Stream(71);
        var first = ctx.Until.AddDays(-DuplicateDays * DuplicatePrescriptions + 10);
        var condition = ConditionResource.Add(record, $"{ctx.P}-x-dx", Diagnoses.Hypertension, first, HistoryContext.At(first, 11, 0),
            null, null, doctor);
        for (var i = 0; i < DuplicatePrescriptions; i++)
        {
            var date = HistoryContext.Weekday(first.AddDays(i * DuplicateDays));
            var at = HistoryContext.At(date, 11, 0);
            var id = $"{ctx.P}-x{i}";
            var encounter = EncounterResource.Add(record, id, "AMB", i == 0 ? "初診" : "再診", at, at.AddMinutes(10), doctor, [condition]);
            LabPanel.AddVitals(record, id, at, encounter, ctx.Plan.Body.Sample(date, noise), ctx.Plan.Profile.Sex, weight: false);
            ctx.Prescriptions.Add(MedicationResources.Prescribe(record, $"{id}-{Drugs.Amlodipine.Key}", Drugs.Amlodipine, at.AddMinutes(5),
                DuplicateDays, encounter, doctor, ctx.Until));
        }
    }

    private static void Undisclosed(HistoryContext ctx)
    {
        if (ctx.Plan.Medical.FirstOrDefault(s => s.Facility.Kind == FacilityKind.Hospital) is not { } hospital)
            return;
        var record = ctx.Record(hospital);
        var doctor = StaffNames.Doctor(hospital.Facility, ctx.Seed);
        var diagnosed = HistoryContext.Weekday(ctx.Plan.Start.AddDays(400));
        if (!ctx.InHistory(diagnosed))
            return;
        var at = HistoryContext.At(diagnosed, 14, 0);
        var condition = ConditionResource.Add(record, $"{ctx.P}-u-dx", Diagnoses.GastricCancer, diagnosed, at, null, null, doctor,
            undisclosed: true);
        for (var i = 0; i < 6 && ctx.InHistory(diagnosed.AddDays(i * 61)); i++)
        {
            var visit = HistoryContext.At(HistoryContext.Weekday(diagnosed.AddDays(i * 61)), 14, 0);
            EncounterResource.Add(record, $"{ctx.P}-u{i}", "AMB", i == 0 ? "初診" : "再診", visit, visit.AddMinutes(20), doctor, [condition]);
        }
    }
}
