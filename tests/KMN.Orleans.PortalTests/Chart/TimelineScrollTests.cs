using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Chart;
using KMN.Orleans.Web.Components.Chart;

namespace KMN.Orleans.PortalTests.Chart;

/// <summary>Older history arrives as the user scrolls: the page's observer asks the timeline for the next year.</summary>
public sealed class TimelineScrollTests : PortalContext
{
    private readonly PatientChart _chart = ChartFixtures.Yamada();

    private IRenderedComponent<TimelineView> RenderTimeline() =>
        Render<TimelineView>(p => p.Add(c => c.Chart, _chart).Add(c => c.Today, ChartFixtures.Today));

    [Fact]
    public void The_scroll_observer_module_is_loaded_from_the_portal_itself()
    {
        RenderTimeline();
        var import = Assert.Single(JSInterop.Invocations, i => i.Identifier == "import");
        Assert.Equal("./Components/Chart/TimelineView.razor.js", import.Arguments[0]);
    }

    [Fact]
    public async Task Leaving_the_chart_while_the_scroll_module_loads_starts_no_observer_and_releases_the_module()
    {
        // The module arrives only after the view is gone, as when a user leaves a long chart at once. This used to
        // hand the browser a disposed component reference, which ended the user's whole circuit.
        var browser = new SlowImportJsRuntime();
        Services.AddSingleton<IJSRuntime>(browser);
        RenderTimeline();
        await DisposeComponentsAsync();

        var module = new RecordingJsModule();
        browser.CompleteImport(module);
        await module.Released.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.DoesNotContain("observe", module.Calls);
    }

    [Fact]
    public async Task Each_scroll_to_the_end_adds_older_entries_until_none_remain()
    {
        var cut = RenderTimeline();
        var shown = cut.FindAll("[data-testid=timeline-item]").Count;
        Assert.True(shown < _chart.Timeline.Count);
        Assert.Equal("height:1px", cut.Find("[data-testid=timeline-sentinel]").GetAttribute("style"));

        var more = true;
        for (var i = 0; i < 20 && more; i++)
        {
            more = await cut.InvokeAsync(() => cut.Instance.LoadOlderOnScroll());
            var now = cut.FindAll("[data-testid=timeline-item]").Count;
            Assert.True(now >= shown);
            shown = now;
        }

        Assert.False(more);
        Assert.Equal(_chart.Timeline.Count, shown);
        Assert.Equal("display:none", cut.Find("[data-testid=timeline-sentinel]").GetAttribute("style"));
        Assert.Empty(cut.FindAll("[data-testid=timeline-older]"));
    }

    [Fact]
    public void A_malformed_date_from_a_facility_shows_as_unknown_in_its_own_group()
    {
        var cut = RenderTimeline();
        Assert.Contains(cut.FindAll("[data-testid=timeline-day]"), d => d.TextContent == "日付不明");
        Assert.Contains("日付不明（2024-13-45）", cut.Find("[data-testid=timeline-date-unknown]").TextContent);
    }
}
