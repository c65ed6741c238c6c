using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Chart;
using KMN.Orleans.Web.Chart.Labs;

namespace KMN.Orleans.PortalTests.Chart;

public sealed class LabTrendTests
{
    private readonly PatientChart _chart = ChartFixtures.Yamada();

    [Fact]
    public void JLAC10_and_LOINC_codes_of_one_test_make_one_trend()
    {
        var trend = LabTrend.Build(_chart.Labs).Single(t => t.Test.Name == "HbA1c");
        Assert.Equal(3, trend.Points.Count); // the value with a malformed date cannot be placed on a time axis
        Assert.Equal([ChartFixtures.Hospital, ChartFixtures.Clinic], trend.Points.Select(p => p.Facility.Code).Distinct());
        Assert.Equal(new ReferenceRange(4.6m, 6.2m, null), trend.Band);
    }

    [Fact]
    public void Different_units_are_never_merged()
    {
        (string?, string)[] jlac = [(LabCatalog.Jlac10System, "3C015000002327101")];
        (string?, string)[] loinc = [(LabCatalog.LoincSystem, "2160-0")];
        Assert.Equal(LabCatalog.KeyFor(jlac, "Cre", "mg/dL").Id, LabCatalog.KeyFor(loinc, "Creatinine", "mg/dl").Id);
        Assert.NotEqual(LabCatalog.KeyFor(jlac, "Cre", "mg/dL").Id, LabCatalog.KeyFor(loinc, "Creatinine", "µmol/L").Id);
        Assert.NotEqual(LabCatalog.KeyFor([("urn:local", "1")], "A", null).Id, LabCatalog.KeyFor([("urn:local", "2")], "A", null).Id);
    }

    [Fact]
    public void The_layout_places_points_left_to_right_and_the_band_inside_the_plot()
    {
        var trend = LabTrend.Build(_chart.Labs).Single(t => t.Test.Name == "HbA1c");
        var layout = LabChartLayout.Compute(trend, _chart.Facilities, 720, 240);

        Assert.Equal(3, layout.Points.Count);
        Assert.True(layout.Points[0].X < layout.Points[1].X && layout.Points[1].X < layout.Points[2].X);
        Assert.All(layout.Points, p => Assert.InRange(p.X, LabChartLayout.Left, 720 - LabChartLayout.Right));
        var (top, bottom) = layout.Band!.Value;
        Assert.True(top < bottom);
        // 7.2 % is above the band (smaller y), 6.1 % inside it.
        Assert.True(layout.Points.Single(p => p.Result.Value == 7.2m).Y < top);
        Assert.InRange(layout.Points.Single(p => p.Result.Value == 6.1m).Y, top, bottom);
        Assert.StartsWith("M", layout.LinePath);
        Assert.NotEmpty(layout.YTicks);
        Assert.NotEmpty(layout.XTicks);
    }

    [Fact]
    public void A_single_value_still_has_a_usable_scale()
    {
        var one = _chart.Labs.Where(l => l.Name == "クレアチニン").ToList();
        var layout = LabChartLayout.Compute(LabTrend.Build(one).Single(), _chart.Facilities);
        var point = Assert.Single(layout.Points);
        Assert.False(double.IsNaN(point.X) || double.IsNaN(point.Y));
    }

    [Theory]
    [InlineData(0, 10, new[] { 0d, 5, 10 })]
    [InlineData(4.1, 7.9, new[] { 5d, 6, 7 })]
    public void Nice_ticks_are_round_numbers(double min, double max, double[] expected)
    {
        var ticks = LabChartLayout.NiceTicks(min, max);
        Assert.All(expected, e => Assert.Contains(e, ticks));
    }

    [Fact]
    public void Thousands_of_values_all_become_points()
    {
        var template = _chart.Labs.First(l => l.Value is not null && l.Date.IsKnown);
        var start = new DateTimeOffset(2014, 1, 1, 0, 0, 0, TimeSpan.FromHours(9));
        var many = Enumerable.Range(0, 5000).Select(i => template with
        {
            Value = 5 + i % 30 / 10m,
            Date = new ChartDate(start.AddDays(i * 0.73), null),
            Source = new DetailRef("Observation", $"o{i}"),
        }).ToList();
        var layout = LabChartLayout.Compute(LabTrend.Build(many).Single(), _chart.Facilities);
        Assert.Equal(5000, layout.Points.Count);
    }
}
