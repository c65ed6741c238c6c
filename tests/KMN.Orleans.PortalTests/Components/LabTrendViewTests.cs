using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Chart;
using KMN.Orleans.Web.Components.Chart;

namespace KMN.Orleans.PortalTests.Components;

public sealed class LabTrendViewTests : PortalContext
{
    [Fact]
    public void The_chart_draws_a_band_and_one_point_per_value_with_HL_marked()
    {
        var cut = Render<LabTrendView>(p => p.Add(c => c.Chart, ChartFixtures.Yamada()));

        var hba1c = cut.FindAll("[data-testid=lab-chart]").Single(s => s.GetAttribute("data-test")!.StartsWith("hba1c", StringComparison.Ordinal));
        Assert.Single(hba1c.QuerySelectorAll("[data-testid=lab-band]"));
        var points = hba1c.QuerySelectorAll("[data-testid=lab-point]");
        Assert.Equal(3, points.Length);
        Assert.Equal(["High", "High", "None"], points.Select(p => p.GetAttribute("data-flag")!).Order());
        // Points are coloured by facility: the hospital's and the clinic's differ.
        Assert.Equal(2, points.Select(p => p.GetAttribute("style")).Distinct().Count());
    }

    [Fact]
    public void Tests_can_be_picked_and_shown_as_a_table()
    {
        var cut = Render<LabTrendView>(p => p.Add(c => c.Chart, ChartFixtures.Yamada()));
        Assert.Equal(3, cut.FindAll("[data-testid=lab-chart]").Count); // the three most-measured tests to begin with
        cut.Find("[data-testid=lab-pick][data-test^=creatinine]").Change(false);
        Assert.Equal(2, cut.FindAll("[data-testid=lab-chart]").Count);
        cut.Find("[data-testid=lab-pick][data-test^=creatinine]").Change(true);
        Assert.Equal(3, cut.FindAll("[data-testid=lab-chart]").Count);

        cut.FindComponent<MudBlazor.MudSwitch<bool>>().Find("input").Change(true);
        Assert.NotEmpty(cut.FindAll("[data-testid=lab-table]"));
        Assert.Contains("H（高値）", cut.Markup);
    }

    [Fact]
    public void Clicking_a_point_opens_its_result()
    {
        var opened = new List<DetailRef>();
        var cut = Render<LabTrendView>(p => p.Add(c => c.Chart, ChartFixtures.Yamada()).Add(c => c.OpenDetail, (DetailRef d) => opened.Add(d)));
        cut.FindAll("[data-testid=lab-point][data-flag=High]").First().Click();
        Assert.Equal("Observation", Assert.Single(opened).ResourceType);
    }

    [Fact]
    public void No_labs_says_so() =>
        Assert.NotNull(Render<LabTrendView>(p => p.Add(c => c.Chart, PatientChart.Empty)).Find("[data-testid=labs-empty]"));
}
