using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Chart;
using KMN.Orleans.Web.Chart.Calendar;

namespace KMN.Orleans.PortalTests.Chart;

public sealed class CalendarMonthTests
{
    private readonly PatientChart _chart = ChartFixtures.Yamada();

    [Fact]
    public void The_same_drug_from_two_facilities_on_overlapping_days_is_a_duplicate()
    {
        var duplicates = DuplicatePrescriptions.Find(_chart.Prescriptions);
        Assert.Equal(["rx-a1", "rx-b1"], duplicates.Select(d => d.ResourceId).Order());
    }

    [Fact]
    public void Overlaps_within_one_facility_or_without_overlap_are_not_duplicates()
    {
        var rx = _chart.Prescriptions.Single(p => p.Source.ResourceId == "rx-a1");
        var refill = rx with { Start = ChartDate.Parse("2024-05-25"), DaysSupply = 7, Source = new DetailRef("MedicationRequest", "refill") };
        var later = rx with { Prescriber = new FacilityRef(ChartFixtures.Clinic, ""), Start = ChartDate.Parse("2024-06-07"), Source = new DetailRef("MedicationRequest", "later") };
        Assert.Empty(DuplicatePrescriptions.Find([rx, refill, later]));
    }

    [Fact]
    public void A_month_grid_starts_on_sunday_and_marks_visits_and_coverage()
    {
        var may = CalendarMonth.Build(2024, 5, _chart);
        Assert.Equal(DayOfWeek.Sunday, may.Days[0].Date.DayOfWeek);
        Assert.Equal(new DateOnly(2024, 4, 28), may.Days[0].Date);
        Assert.Equal(0, may.Days.Count % 7);
        Assert.Equal(2, may.DuplicateCount);

        var tenth = may.Days.Single(d => d.Date == new DateOnly(2024, 5, 10));
        Assert.Equal([ChartFixtures.Hospital, ChartFixtures.Pharmacy], tenth.Visits.Select(v => v.Code).Order());
        var running = tenth.Lanes.OfType<CoverageSegment>().Single();
        Assert.True(running.Starts);
        Assert.True(running.Duplicate);
        Assert.False(running.Overlap); // the clinic's course has not started yet

        // From the 20th both courses run, each in its own lane, and the days overlap.
        var twentyFirst = may.Days.Single(d => d.Date == new DateOnly(2024, 5, 21));
        Assert.Equal(2, twentyFirst.Lanes.OfType<CoverageSegment>().Count());
        Assert.All(twentyFirst.Lanes.OfType<CoverageSegment>(), s => Assert.True(s.Overlap));
        Assert.Empty(may.Days.Single(d => d.Date == new DateOnly(2024, 5, 9)).Lanes.OfType<CoverageSegment>());
    }

    [Fact]
    public void The_first_month_shown_is_the_latest_with_activity()
    {
        Assert.Equal((2024, 5), CalendarMonth.Initial(_chart, ChartFixtures.Today));
        Assert.Equal((2024, 6), CalendarMonth.Initial(PatientChart.Empty, ChartFixtures.Today));
    }
}
