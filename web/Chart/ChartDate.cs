using KMN.Orleans.Web.Fhir;

namespace KMN.Orleans.Web.Chart;

/// <summary>
/// A clinical date as a facility sent it: known (an instant, shown as a day in JST) or unknown. A malformed
/// date keeps its raw text so the chart can show "不明" next to what was sent instead of failing.
/// </summary>
public readonly record struct ChartDate(DateTimeOffset? Instant, string? Raw)
{
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    public static ChartDate Unknown => default;

    public bool IsKnown => Instant is not null;

    /// <summary>The calendar day in Japan, which is how clinicians talk about a visit or a result.</summary>
    public DateOnly? Day => Instant is { } at ? DateOnly.FromDateTime(at.ToOffset(Japan).DateTime) : null;

    public static ChartDate Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Unknown;
        try
        {
            return new ChartDate(FhirDates.Parse(text.Trim()), text);
        }
        catch (ArgumentException)
        {
            return new ChartDate(null, text); // out-of-range parts (month 13) in an otherwise well-formed string
        }
    }

    /// <summary>The first of several candidate paths that holds a date, known or not.</summary>
    public static ChartDate FirstOf(IEnumerable<string?> texts)
    {
        var unknown = Unknown;
        foreach (var text in texts)
        {
            var date = Parse(text);
            if (date.IsKnown)
                return date;
            if (text is not null && unknown.Raw is null)
                unknown = date;
        }
        return unknown;
    }

    /// <summary>Sorting key: unknown dates sort before every known one (so "newest first" puts them last).</summary>
    public long SortKey => Instant?.UtcTicks ?? long.MinValue;
}
