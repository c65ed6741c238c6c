namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>
/// Annual checkups (特定健診 from 40 to 74, 健康診断 otherwise) at one hospital or clinic: the items of the form with
/// their A–E judgements and the overall judgement, every year of the history.
/// </summary>
public static class CheckupStory
{
    public static void Generate(HistoryContext ctx)
    {
        var plan = ctx.Plan;
        if (plan.CheckupSite is not { } site)
            return;
        var random = ctx.Stream(50);
        var noise = ctx.Stream(51);
        var record = ctx.Record(site);
        var doctor = StaffNames.Doctor(site.Facility, ctx.Seed);
        var month = 6 + random.Next(0, 5);
        for (var year = plan.Start.Year; year <= ctx.Until.Year; year++)
        {
            var date = HistoryContext.Weekday(new DateOnly(year, month, 1 + random.Next(0, 28)));
            if (!ctx.InHistory(date))
                continue;
            var age = (date.DayNumber - plan.Profile.BirthDate.DayNumber) / 365;
            var title = age is >= 40 and <= 74 ? "特定健診" : "健康診断";
            var at = HistoryContext.At(date, 8 + random.Next(0, 3), random.Next(0, 4) * 15);
            var id = $"{ctx.P}-k{year}";
            var encounter = EncounterResource.Add(record, id, "AMB", title, at, at.AddHours(2), doctor, []);
            var sample = plan.Body.Sample(date, noise);
            var items = new List<ResourceKey>();
            var judgements = new List<Judgement>();
            foreach (var test in LabTests.Checkup)
            {
                var judgement = CheckupJudgement.Item(test, sample[test], plan.Profile.Sex, d => plan.Body.Treated(d, date));
                if (judgement is not null)
                    judgements.Add(judgement);
                items.Add(ObservationResource.Add(record, $"{id}-{test.Key}", test, sample[test], plan.Profile.Sex, at, encounter,
                    ObservationKind.Checkup, judgement));
            }
            CheckupResources.AddOverall(record, id + "-overall", at, encounter, items, CheckupJudgement.Overall(judgements), title, doctor);
        }
    }
}
