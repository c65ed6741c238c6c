namespace KMN.Orleans.Web.Chart.Checkups;

/// <summary>How an item moved since the previous year in the comparison table.</summary>
public enum CheckupChange
{
    None,
    Worse,
    Better,
    Changed,
}

public sealed record CheckupCell(CheckupItem? Item, CheckupChange Change);

public sealed record CheckupRow(string Key, string Name, string? Unit, IReadOnlyList<CheckupCell> Cells);

/// <summary>
/// The year-over-year table: one column per checkup (oldest left), one row per item, each cell marked by how it
/// moved against the column before: a worse/better judgement, or a value that changed by 10 % or more.
/// </summary>
public sealed record CheckupComparison(IReadOnlyList<CheckupYear> Years, IReadOnlyList<CheckupRow> Rows)
{
    /// <summary>How each year's overall judgement moved against the year before (None for the first).</summary>
    public IReadOnlyList<CheckupChange> OverallChanges { get; } = [.. Years.Select((y, i) => i == 0 ? CheckupChange.None
        : Judgements.Compare(y.Overall, Years[i - 1].Overall) switch { > 0 => CheckupChange.Worse, < 0 => CheckupChange.Better, _ => CheckupChange.None })];

    private const decimal NotableChange = 0.10m;

    public static CheckupComparison Build(IEnumerable<CheckupYear> checkups, int maxYears = 5)
    {
        var years = checkups.Where(c => c.Date.IsKnown).OrderBy(c => c.Date.SortKey).TakeLast(maxYears).ToList();
        var keys = years.SelectMany(y => y.Items).GroupBy(i => i.Key)
            .Select(g => (Key: g.Key, g.First().Name, g.First().Unit)).ToList();
        var rows = keys.Select(k => new CheckupRow(k.Key, k.Name, k.Unit, Cells(years, k.Key))).ToList();
        return new CheckupComparison(years, rows);
    }

    private static List<CheckupCell> Cells(List<CheckupYear> years, string key)
    {
        var cells = new List<CheckupCell>();
        CheckupItem? previous = null;
        foreach (var year in years)
        {
            var item = year.Items.FirstOrDefault(i => i.Key == key);
            cells.Add(new CheckupCell(item, item is null || previous is null ? CheckupChange.None : ChangeOf(item, previous)));
            previous = item ?? previous;
        }
        return cells;
    }

    private static CheckupChange ChangeOf(CheckupItem now, CheckupItem before)
    {
        var judged = Judgements.Compare(now.Judgement, before.Judgement);
        if (judged != 0)
            return judged > 0 ? CheckupChange.Worse : CheckupChange.Better;
        if (now.Numeric is { } a && before.Numeric is { } b && b != 0 && Math.Abs(a - b) / Math.Abs(b) >= NotableChange)
            return CheckupChange.Changed;
        return now.Numeric is null && before.Numeric is null && now.Value != before.Value ? CheckupChange.Changed : CheckupChange.None;
    }
}
