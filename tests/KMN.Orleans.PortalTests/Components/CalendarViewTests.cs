using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Components.Chart;

namespace KMN.Orleans.PortalTests.Components;

public sealed class CalendarViewTests : PortalContext
{
    [Fact]
    public void The_month_shows_visits_coverage_and_a_duplicate_prescription_in_red()
    {
        var cut = Render<CalendarView>(p => p.Add(c => c.Chart, ChartFixtures.Yamada()).Add(c => c.Today, ChartFixtures.Today));

        Assert.Equal("2024年5月", cut.Find("[data-testid=calendar-month]").TextContent);
        Assert.Contains("重複処方が 2 件", cut.Find("[data-testid=calendar-duplicates]").TextContent);
        var tenth = cut.Find("[data-testid=calendar-day][data-date='2024-05-10']");
        Assert.Equal(2, tenth.QuerySelectorAll("[data-testid=calendar-visit]").Length);
        Assert.Contains("アムロジピン錠５ｍｇ", tenth.TextContent);
        Assert.Empty(tenth.QuerySelectorAll("[data-testid=calendar-duplicate]")); // only the hospital's course runs yet
        Assert.Equal(2, cut.Find("[data-testid=calendar-day][data-date='2024-05-21']").QuerySelectorAll("[data-testid=calendar-duplicate]").Length);
        Assert.Equal(["日", "月", "火", "水", "木", "金", "土"], cut.FindAll(".kmn-cal-head").Select(h => h.TextContent));
    }

    [Fact]
    public void Months_can_be_paged()
    {
        var cut = Render<CalendarView>(p => p.Add(c => c.Chart, ChartFixtures.Yamada()).Add(c => c.Today, ChartFixtures.Today));
        cut.Find("[data-testid=calendar-next]").Click();
        Assert.Equal("2024年6月", cut.Find("[data-testid=calendar-month]").TextContent);
        // Both run until 6 June (red); the clinic's 30-day course alone runs on to the 18th (its own colour).
        Assert.NotEmpty(cut.FindAll("[data-testid=calendar-day][data-date='2024-06-06'] [data-testid=calendar-duplicate]"));
        Assert.Empty(cut.FindAll("[data-testid=calendar-day][data-date='2024-06-18'] [data-testid=calendar-duplicate]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=calendar-day][data-date='2024-06-18'] [data-testid=calendar-bar]"));
        cut.Find("[data-testid=calendar-next]").Click();
        Assert.Empty(cut.FindAll("[data-testid=calendar-duplicates]"));
    }
}
