using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Chart;
using KMN.Orleans.Web.Components.Chart;

namespace KMN.Orleans.PortalTests.Components;

public sealed class TimelineViewTests : PortalContext
{
    private readonly PatientChart _chart = ChartFixtures.Yamada();

    private IRenderedComponent<TimelineView> RenderTimeline(List<DetailRef>? opened = null) =>
        Render<TimelineView>(p => p
            .Add(c => c.Chart, _chart)
            .Add(c => c.Today, ChartFixtures.Today)
            .Add(c => c.OpenDetail, (DetailRef d) => opened?.Add(d)));

    [Fact]
    public void The_last_90_days_show_first_grouped_by_facility_then_older_on_request()
    {
        var cut = RenderTimeline();
        var since = ChartFixtures.Today.AddDays(-90);
        var recent = _chart.Timeline.Count(t => t.Date.Day is not { } d || d >= since);
        Assert.Equal(recent, cut.FindAll("[data-testid=timeline-item]").Count);
        Assert.Contains("火の国総合病院", cut.Find("[data-testid=timeline]").TextContent);
        Assert.Contains("日付不明（2024-13-45）", cut.Markup);

        cut.Find("[data-testid=timeline-older]").Click();
        Assert.Contains("2023-11-10", cut.Find("[data-testid=timeline]").TextContent); // a year more
        Assert.DoesNotContain("2019-03-01", cut.Find("[data-testid=timeline]").TextContent);
        for (var i = 0; i < 10 && cut.FindAll("[data-testid=timeline-older]").Count > 0; i++)
            cut.Find("[data-testid=timeline-older]").Click();
        Assert.Equal(_chart.Timeline.Count, cut.FindAll("[data-testid=timeline-item]").Count);
        Assert.Empty(cut.FindAll("[data-testid=timeline-older]"));
    }

    [Fact]
    public void Category_and_facility_filters_hide_entries()
    {
        var cut = RenderTimeline();
        var labChip = cut.FindAll("[data-testid=filter-category]").Single(c => c.TextContent.Contains("検体検査"));
        labChip.Click();
        Assert.DoesNotContain(cut.FindAll("[data-testid=timeline-item]"), e => e.GetAttribute("data-category") == "Lab");

        var clinic = cut.FindAll("[data-testid=filter-facility]").Single(c => c.TextContent.Contains("阿蘇内科クリニック"));
        clinic.Click();
        Assert.DoesNotContain("阿蘇内科クリニック", cut.Find("[data-testid=timeline]").TextContent);
    }

    [Fact]
    public void Categories_have_japanese_labels_and_colours()
    {
        var cut = RenderTimeline();
        var badges = cut.FindAll(".kmn-cat").Select(b => b.TextContent).Distinct().ToList();
        Assert.Contains("受診", badges);
        Assert.Contains("処方", badges);
        Assert.Contains("調剤", badges);
        Assert.All(cut.FindAll(".kmn-cat"), b => Assert.Contains("background:#", b.GetAttribute("style")));
    }

    [Fact]
    public void Clicking_an_entry_opens_its_source()
    {
        var opened = new List<DetailRef>();
        var cut = RenderTimeline(opened);
        cut.FindAll("[data-testid=timeline-item]").First(e => e.TextContent.Contains("胸部CT")).Click();
        Assert.Equal(new DetailRef("DiagnosticReport", "dr-rad-a"), Assert.Single(opened));
    }
}
