using System.Diagnostics;
using System.Globalization;
using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Chart;
using KMN.Orleans.Web.Chart.Calendar;
using KMN.Orleans.Web.Chart.Fhir;
using KMN.Orleans.Web.Chart.Labs;
using Xunit.Abstractions;

namespace KMN.Orleans.PortalTests.Chart;

/// <summary>
/// Ten years of monthly visits with labs and prescriptions (about 5,600 resources): mapping and the views'
/// computations. Times are printed; the bound only catches a blow-up, as test machines are shared.
/// </summary>
public sealed class LongHistoryTests(ITestOutputHelper output)
{
    private static IReadOnlyList<ChartResourceRow> TenYears()
    {
        var rows = new List<ChartResourceRow>
        {
            new("Organization", "h", """{"resourceType":"Organization","id":"h","identifier":[{"value":"4310000001"}],"name":"病院"}"""),
            new("Organization", "c", """{"resourceType":"Organization","id":"c","identifier":[{"value":"4310000002"}],"name":"診療所"}"""),
        };
        var start = new DateOnly(2014, 7, 1);
        for (var month = 0; month < 120; month++)
        {
            var org = month % 3 == 0 ? "c" : "h";
            var day = start.AddMonths(month).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            rows.Add(new("Encounter", $"e{month}", $$$"""{"resourceType":"Encounter","id":"e{{{month}}}","period":{"start":"{{{day}}}"},"serviceProvider":{"reference":"Organization/{{{org}}}"}}"""));
            rows.Add(new("MedicationRequest", $"m{month}", $$$"""{"resourceType":"MedicationRequest","id":"m{{{month}}}","authoredOn":"{{{day}}}","encounter":{"reference":"Encounter/e{{{month}}}"},"medicationCodeableConcept":{"text":"メトホルミン錠250mg"},"dispenseRequest":{"expectedSupplyDuration":{"value":35,"code":"d"}},"status":"active"}"""));
            for (var test = 0; test < 45; test++)
            {
                var code = (test % 3) switch { 0 => "3D046000001906202", 1 => "3C015000002327101", _ => $"9Z{test:D3}000000000000" };
                rows.Add(new("Observation", $"o{month}-{test}", $$$"""{"resourceType":"Observation","id":"o{{{month}}}-{{{test}}}","status":"final","category":[{"coding":[{"code":"laboratory"}]}],"code":{"coding":[{"system":"urn:oid:1.2.392.200119.4.504","code":"{{{code}}}"}],"text":"検査{{{test}}}"},"effectiveDateTime":"{{{day}}}","performer":[{"reference":"Organization/{{{org}}}"}],"valueQuantity":{"value":{{{5 + month % 7}}}.{{{test % 10}}},"unit":"mg/dL"},"referenceRange":[{"low":{"value":4},"high":{"value":9}}]}"""));
            }
        }
        return rows;
    }

    [Fact]
    public void A_ten_year_history_maps_and_lays_out_completely()
    {
        var rows = TenYears();
        ChartMapper.Map(rows.Take(50), ChartFixtures.Names); // warm up the JIT

        var watch = Stopwatch.StartNew();
        var chart = ChartMapper.Map(rows, ChartFixtures.Names);
        var mapped = watch.Elapsed;
        var trends = LabTrend.Build(chart.Labs);
        var layout = LabChartLayout.Compute(trends[0], chart.Facilities);
        var calendar = CalendarMonth.Build(2024, 5, chart);
        var duplicates = DuplicatePrescriptions.Find(chart.Prescriptions);
        var total = watch.Elapsed;

        output.WriteLine($"{rows.Count} resources: mapped in {mapped.TotalMilliseconds:0} ms, views in {(total - mapped).TotalMilliseconds:0} ms");
        Assert.Equal(120 * 45, chart.Labs.Count);
        Assert.Equal(trends[0].Points.Count, layout.Points.Count);
        Assert.Equal(120, chart.Prescriptions.Count);
        Assert.Equal(35, calendar.Days.Count);
        Assert.NotEmpty(duplicates); // 35-day courses run into the next month's, from the other facility every third month
        // Timing is printed for the reader, never asserted: speed targets live in tests/KMN.Orleans.Benchmarks.
    }
}
