using System.Globalization;
using KMN.Orleans.Grains.Abstractions.Facilities;

namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>
/// Care outside hospitals and clinics: dental visits (う蝕, 歯肉炎) a few times a year, and monthly home visits
/// by a nursing station (訪問看護) that record blood pressure and weight.
/// </summary>
public static class CommunityCareStory
{
    public static void Generate(HistoryContext ctx)
    {
        foreach (var site in ctx.Plan.OfKind(FacilityKind.DentalClinic))
            Dental(ctx, site);
        foreach (var site in ctx.Plan.OfKind(FacilityKind.VisitingNurseStation))
            Nursing(ctx, site);
    }

    private static void Dental(HistoryContext ctx, CareSite site)
    {
        var random = ctx.Stream(60, Part(site));
        var dentist = StaffNames.Doctor(site.Facility, ctx.Seed);
        var visit = 0;
        for (var date = ctx.Plan.Start.AddDays(random.Next(0, 120)); ctx.InHistory(date); date = date.AddDays(90 + random.Next(0, 180)))
        {
            var record = ctx.Record(site);
            var id = $"{ctx.P}-t{visit++}";
            var at = HistoryContext.At(HistoryContext.Weekday(date), 9 + random.Next(0, 8), random.Next(0, 2) * 30);
            var diagnosis = random.Chance(0.5) ? Diagnoses.Caries : Diagnoses.Gingivitis;
            var condition = ConditionResource.Add(record, id + "-dx", diagnosis, DateOnly.FromDateTime(at.DateTime), at,
                DateOnly.FromDateTime(at.DateTime).AddDays(28), null, dentist);
            EncounterResource.Add(record, id, "AMB", "歯科外来", at, at.AddMinutes(30), dentist, [condition]);
        }
    }

    private static void Nursing(HistoryContext ctx, CareSite site)
    {
        var random = ctx.Stream(61, Part(site));
        var noise = ctx.Stream(62, Part(site));
        var nurse = StaffNames.Doctor(site.Facility, ctx.Seed);
        var record = ctx.Record(site);
        var visit = 0;
        for (var date = ctx.Plan.Start.AddDays(random.Next(0, 60)); ctx.InHistory(date); date = date.AddDays(28 + random.Next(0, 7)))
        {
            var id = $"{ctx.P}-n{visit++}";
            var at = HistoryContext.At(HistoryContext.Weekday(date), 13 + random.Next(0, 4), random.Next(0, 4) * 15);
            var encounter = EncounterResource.Add(record, id, "HH", "訪問看護", at, at.AddMinutes(45), nurse, []);
            LabPanel.AddVitals(record, id, at, encounter, ctx.Plan.Body.Sample(date, noise), ctx.Plan.Profile.Sex, weight: true);
        }
    }

    private static int Part(CareSite site) => int.Parse(site.Facility.Code[3..9], CultureInfo.InvariantCulture);
}
