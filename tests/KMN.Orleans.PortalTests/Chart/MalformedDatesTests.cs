using System.Text.RegularExpressions;
using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Chart;
using KMN.Orleans.Web.Chart.Fhir;
using KMN.Orleans.Web.Components.Chart;

namespace KMN.Orleans.PortalTests.Chart;

/// <summary>
/// A facility whose every date is malformed: the chart still maps and every view renders, with the entries
/// shown as 日付不明 instead of an error.
/// </summary>
public sealed partial class MalformedDatesTests : PortalContext
{
    private static PatientChart Garbled()
    {
        var rows = ChartFixtures.Rows().Select(r => r with { Json = IsoDate().Replace(r.Json, "\"2024-13-45\"") }).ToList();
        return ChartMapper.Map(rows, ChartFixtures.Names);
    }

    [Fact]
    public void Every_view_renders_and_the_timeline_says_unknown()
    {
        var chart = Garbled();
        Assert.NotEmpty(chart.Timeline);
        Assert.All(chart.Timeline, t => Assert.False(t.Date.IsKnown));

        var timeline = Render<TimelineView>(p => p.Add(c => c.Chart, chart).Add(c => c.Today, ChartFixtures.Today));
        Assert.Equal(chart.Timeline.Count, timeline.FindAll("[data-testid=timeline-item]").Count); // undated entries fit no window: all shown
        Assert.Equal("日付不明", Assert.Single(timeline.FindAll("[data-testid=timeline-day]")).TextContent);
        Assert.Empty(timeline.FindAll("[data-testid=timeline-older]"));

        Render<CalendarView>(p => p.Add(c => c.Chart, chart).Add(c => c.Today, ChartFixtures.Today));
        Render<LabTrendView>(p => p.Add(c => c.Chart, chart));
        Render<DetailsView>(p => p.Add(c => c.Chart, chart));
        Render<CheckupView>(p => p.Add(c => c.Chart, chart));
    }

    [GeneratedRegex("\"\\d{4}-\\d{2}(-\\d{2}(T[^\"]*)?)?\"")]
    private static partial Regex IsoDate();
}
