namespace KMN.Orleans.Web.Chart.Fhir;

/// <summary>
/// Lab values for the trends, and for the timeline the values no report claimed, grouped per day and facility
/// (a blood test of twenty items is one entry).
/// </summary>
public static class ObservationMapping
{
    private const int NamesInTitle = 3;

    public static void Map(MappingContext context)
    {
        var loose = new List<(ParsedResource Resource, Labs.LabResult Lab)>();
        foreach (var r in context.Set.OfType("Observation"))
        {
            if (r.Root.Text("status") is "entered-in-error" or "cancelled" || ObservationValues.IsCheckup(r.Root))
                continue;
            var lab = ObservationValues.ToLab(context, r);
            if (lab.Value is not null || lab.ValueText is not null)
                context.Labs.Add(lab);
            if (!context.Reported.Contains(r.Ref.ToString()))
                loose.Add((r, lab));
        }

        foreach (var day in loose.GroupBy(l => (l.Lab.Date.Day, l.Lab.Facility.Key)))
        {
            var first = day.First();
            var names = day.Select(l => l.Lab.Name).Where(n => n.Length > 0).Distinct().ToList();
            var title = string.Join("、", names.Take(NamesInTitle)) + (names.Count > NamesInTitle ? " …" : "");
            var flagged = day.Count(l => l.Lab.Flag != Labs.LabFlag.None);
            context.AddTimeline(first.Resource, first.Lab.Date, ChartCategory.Lab, title,
                flagged > 0 ? $"H/L {flagged}" : null);
        }
    }
}
