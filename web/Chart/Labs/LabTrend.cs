namespace KMN.Orleans.Web.Chart.Labs;

/// <summary>
/// One test's values over time across facilities, with the reference band most of its values were reported
/// against (facilities may differ slightly; the band shown is the most common one).
/// </summary>
public sealed record LabTrend(LabTestKey Test, IReadOnlyList<LabResult> Points, ReferenceRange? Band)
{
    /// <summary>Trends of every test with at least one dated numeric value, most values first.</summary>
    public static IReadOnlyList<LabTrend> Build(IEnumerable<LabResult> labs) =>
        labs.Where(l => l.Value is not null && l.Date.IsKnown)
            .GroupBy(l => l.Test.Id)
            .Select(g => new LabTrend(g.First().Test, [.. g.OrderBy(l => l.Date.SortKey)], MostCommonBand(g)))
            .OrderByDescending(t => t.Points.Count).ThenBy(t => t.Test.Name, StringComparer.Ordinal)
            .ToList();

    private static ReferenceRange? MostCommonBand(IEnumerable<LabResult> values) =>
        values.Select(v => v.Range).Where(r => r is { HasBounds: true })
            .GroupBy(r => (r!.Low, r.High)).OrderByDescending(g => g.Count()).Select(g => g.First()).FirstOrDefault();

    public LabResult? Latest => Points.Count > 0 ? Points[^1] : null;
}
