using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Chart.Checkups;

namespace KMN.Orleans.PortalTests.Chart;

public sealed class CheckupComparisonTests
{
    [Fact]
    public void Two_years_side_by_side_with_worse_judgements_and_large_changes_marked()
    {
        var comparison = CheckupComparison.Build(ChartFixtures.Yamada().Checkups);

        Assert.Equal([2023, 2024], comparison.Years.Select(y => y.Year)); // oldest left
        var ldl = comparison.Rows.Single(r => r.Name == "LDLコレステロール");
        Assert.Equal([CheckupChange.None, CheckupChange.Worse], ldl.Cells.Select(c => c.Change)); // B → D
        var bmi = comparison.Rows.Single(r => r.Name == "BMI");
        Assert.Equal([CheckupChange.None, CheckupChange.Worse], bmi.Cells.Select(c => c.Change)); // A → B
        Assert.Equal(["24", "26.9"], bmi.Cells.Select(c => c.Item?.Value));
        Assert.Equal([CheckupChange.None, CheckupChange.Worse], comparison.OverallChanges); // B → C
    }

    [Theory]
    [InlineData("Ｃ", "C")]
    [InlineData(" b ", "B")]
    [InlineData("F", null)]
    [InlineData("AB", null)]
    [InlineData(null, null)]
    public void Judgements_are_A_to_E_whatever_the_width_or_case(string? sent, string? expected) =>
        Assert.Equal(expected, Judgements.Parse(sent));
}
