using Microsoft.AspNetCore.Components;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace KMN.Orleans.PortalTests.Components;

public sealed class ChartPageTests : PortalContext
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly FakeLiveFeed _live = new();

    private IRenderedComponent<ChartPage> Open(FakeChartRecordSource source, FakeCurrentStaff? staff = null)
    {
        UseChartServices(staff ?? new FakeCurrentStaff(FakeCurrentStaff.Doctor), source, live: _live);
        Services.AddSingleton<TimeProvider>(FixedClock.AtFixtureToday);
        // As in the live circuit (the prerender loads nothing); set after the services, which builds the renderer.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render<ChartPage>(p => p.Add(c => c.PatientId, "430000000001"));
    }

    [Fact]
    public void The_chart_opens_with_header_tabs_and_timeline()
    {
        var cut = Open(new FakeChartRecordSource(Records.Yamada()));
        cut.WaitForElement("[data-testid=chart-header]", Patience);
        Assert.Equal("山田 太郎", cut.Find("[data-testid=chart-name]").TextContent);
        var tabs = cut.FindAll(".mud-tab").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(["タイムライン", "カレンダー", "検査", "詳細", "健診"], tabs);
        Assert.NotEmpty(cut.FindAll("[data-testid=timeline-item]"));
        Assert.Equal(1, _live.Active);
    }

    [Fact]
    public async Task A_timeline_click_opens_the_details_tab_on_that_record()
    {
        var cut = Open(new FakeChartRecordSource(Records.Yamada()));
        // The timeline's own click is tested in TimelineViewTests; here its callback, as MudTabs keeps re-rendering
        // after its JavaScript calls and a DOM element found a moment earlier can already be replaced.
        var timeline = cut.WaitForComponent<KMN.Orleans.Web.Components.Chart.TimelineView>(Patience);
        await cut.InvokeAsync(() => timeline.Instance.OpenDetail.InvokeAsync(new KMN.Orleans.Web.Chart.DetailRef("DiagnosticReport", "dr-rad-a")));
        cut.WaitForAssertion(() => Assert.Equal("DiagnosticReport/dr-rad-a", cut.Find("[data-testid=detail-selected]").GetAttribute("data-ref")), Patience);
        Assert.Contains("kmn-selected", cut.Find("[data-testid=radiology-report]").ClassName);
    }

    [Fact]
    public async Task An_upload_refreshes_the_open_chart()
    {
        var source = new FakeChartRecordSource(Records.YamadaWithout("doc-1"));
        var cut = Open(source);
        cut.WaitForElement("[data-testid=timeline-item]", Patience);
        var before = cut.FindAll("[data-testid=timeline-item]").Count;

        source.Next = Records.Yamada();
        await cut.InvokeAsync(_live.FireAsync);

        cut.WaitForAssertion(() => Assert.Equal(before + 1, cut.FindAll("[data-testid=timeline-item]").Count), Patience);
        Assert.NotNull(cut.Find("[data-testid=chart-updated]"));
    }

    [Fact]
    public async Task A_revocation_while_open_closes_the_chart_with_the_reason()
    {
        var source = new FakeChartRecordSource(Records.Yamada());
        var cut = Open(source);
        cut.WaitForElement("[data-testid=chart-header]", Patience);

        source.Next = Records.Denied(AccessReason.ConsentRevoked);
        await cut.InvokeAsync(_live.FireAsync);

        cut.WaitForAssertion(() => Assert.Contains("同意が撤回されています", cut.Find("[data-testid=chart-closed]").TextContent), Patience);
        Assert.Empty(cut.FindAll("[data-testid=chart-header]"));
        cut.WaitForAssertion(() => Assert.Equal(0, _live.Active), Patience);
    }

    [Fact]
    public void A_denied_chart_says_why()
    {
        var cut = Open(new FakeChartRecordSource(Records.Denied(AccessReason.OutsideConsent)));
        cut.WaitForAssertion(() => Assert.Contains("同意の範囲外", cut.Find("[data-testid=chart-denied]").TextContent), Patience);
        Assert.Equal(0, _live.Active);
    }

    [Fact]
    public void Nobody_signed_in_sees_a_sign_in_message()
    {
        var cut = Open(new FakeChartRecordSource(Records.Yamada()), new FakeCurrentStaff(null));
        cut.WaitForElement("[data-testid=chart-signin]", Patience);
    }

    [Fact]
    public void Hidden_categories_show_above_the_tabs()
    {
        var cut = Open(new FakeChartRecordSource(Records.Yamada(Records.CareWorkerHidden)));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=hidden-item]").Count), Patience);
    }
}
