using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Chart;
using KMN.Orleans.Web.Components.Chart;

namespace KMN.Orleans.PortalTests.Components;

public sealed class CheckupViewTests : PortalContext
{
    [Fact]
    public void Two_years_side_by_side_with_changes_highlighted()
    {
        var cut = Render<CheckupView>(p => p.Add(c => c.Chart, ChartFixtures.Yamada()));
        var table = cut.Find("[data-testid=checkup-compare]");
        Assert.Equal(["2023年（2023-06-01）", "2024年（2024-06-03）"], table.QuerySelectorAll("[data-testid=checkup-year]").Select(h => h.TextContent));
        var worse = table.QuerySelectorAll("[data-testid=checkup-cell][data-change=Worse]");
        Assert.Equal(2, worse.Length);
        Assert.All(worse, c => Assert.Contains("kmn-change-worse", c.ClassName));
        Assert.Contains("165", worse.Single(c => c.TextContent.Contains("D")).TextContent);
        Assert.Equal(2, cut.FindAll("[data-testid=checkup-year-card]").Count);
        Assert.Contains("脂質異常のため医療機関を受診してください。", cut.Markup);
    }

    [Fact]
    public void No_checkups_says_so() =>
        Assert.NotNull(Render<CheckupView>(p => p.Add(c => c.Chart, PatientChart.Empty)).Find("[data-testid=checkups-empty]"));
}
