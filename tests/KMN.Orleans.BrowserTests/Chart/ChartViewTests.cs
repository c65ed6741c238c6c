using KMN.Orleans.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KMN.Orleans.BrowserTests.Chart;

/// <summary>A doctor finds patients and reads the chart's views with the demo history (issue 6).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChartViewTests(KmnNetworkFixture network, ChromiumFixture chromium)
{
    private DemoCard Doctor => network.Cards.Physician;

    [Fact]
    public async Task Search_finds_a_patient_by_kana_and_by_the_own_chart_number()
    {
        var (patient, chartNumber, kana) = await new ChartDemoData(network).ChartedPatientAsync(ChartDemoData.FacilityOf(Doctor));
        await using var recorded = await RecordedPage.SignedInAsync(chromium.Browser, network, Doctor);

        foreach (var query in new[] { kana, chartNumber })
        {
            await recorded.OpenInteractiveAsync("/patients?q=" + Uri.EscapeDataString(query));
            var row = recorded.Page.GetByTestId("search-result").Filter(new() { HasTextString = patient });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToContainTextAsync(chartNumber);
        }
        await recorded.ScreenshotAsync("chart-search-ja");

        // The name opens the chart (navigation inside the same circuit).
        await recorded.Page.GetByTestId("search-result").Filter(new() { HasTextString = patient }).GetByTestId("search-open").ClickAsync();
        await Expect(recorded.Page.GetByTestId("chart-id")).ToContainTextAsync(patient, new() { Timeout = 60_000 });
    }

    // The demo's main clinic keeps 文書 (and so its encounters) to itself: its prescriptions are attributed by the
    // uploading facility the reader supplies, not by an encounter the viewer cannot see.
    [Fact]
    public async Task The_calendar_shows_the_duplicate_prescription()
    {
        await using var recorded = await RecordedPage.SignedInAsync(chromium.Browser, network, Doctor);
        await recorded.OpenChartAsync(ChartDemoData.DuplicatePatient);
        var page = recorded.Page;
        await page.ShowTabAsync("カレンダー");
        await Expect(page.GetByTestId("calendar")).ToBeVisibleAsync();

        // The two facilities' courses overlap over the last months; walk back until a month shows them.
        for (var month = 0; month < 8 && await page.GetByTestId("calendar-duplicate").CountAsync() == 0; month++)
        {
            var shown = await page.GetByTestId("calendar-month").InnerTextAsync();
            await page.GetByTestId("calendar-prev").ClickAsync();
            await Expect(page.GetByTestId("calendar-month")).Not.ToHaveTextAsync(shown);
        }
        if (await page.GetByTestId("calendar-duplicate").CountAsync() == 0)
        {
            // Say what the chart had: the courses of the month, and how the second facility's prescription was stored.
            var data = new ChartDemoData(network);
            var bars = await page.Locator("[data-testid=calendar-bar]").EvaluateAllAsync<string[]>("els => els.map(e => e.title)");
            Assert.Fail($"No duplicate prescription shown. Bars: {string.Join(" | ", bars.Distinct())}\n" +
                $"{await data.StoredAsync("p1-x6-amlodipine")}\n{await data.StoredAsync("p1-x6")}");
        }
        await Expect(page.GetByTestId("calendar-duplicates")).ToBeVisibleAsync();
        await recorded.ScreenshotAsync("chart-calendar-duplicate-ja");
    }

    [Fact]
    public async Task The_lab_chart_draws_one_point_per_value_of_the_test()
    {
        await using var recorded = await RecordedPage.SignedInAsync(chromium.Browser, network, Doctor);
        await recorded.OpenChartAsync(ChartDemoData.DuplicatePatient);
        var page = recorded.Page;
        await page.ShowTabAsync("検査");
        await Expect(page.GetByTestId("lab-picker")).ToBeVisibleAsync();

        // Show exactly one test: the first in the picker.
        var picks = page.GetByTestId("lab-pick");
        for (var i = 0; i < await picks.CountAsync(); i++)
            if (await picks.Nth(i).IsCheckedAsync())
                await picks.Nth(i).UncheckAsync();
        await picks.First.CheckAsync();
        var label = await page.Locator(".kmn-lab-pick").First.Locator(".kmn-lab-count").InnerTextAsync();
        var values = int.Parse(new string([.. label.Where(char.IsAsciiDigit)]), System.Globalization.CultureInfo.InvariantCulture);

        await Expect(page.GetByTestId("lab-chart")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("lab-chart").GetByTestId("lab-point")).ToHaveCountAsync(values);
        await page.GetByTestId("lab-show-table").ClickAsync();
        await Expect(page.GetByTestId("lab-row")).ToHaveCountAsync(values);
        await recorded.ScreenshotAsync("chart-labs-ja");
    }

    [Fact]
    public async Task The_checkup_comparison_shows_years_side_by_side()
    {
        await using var recorded = await RecordedPage.SignedInAsync(chromium.Browser, network, Doctor);
        await recorded.OpenChartAsync(ChartDemoData.HeaviestPatient);
        var page = recorded.Page;
        await page.ShowTabAsync("健診");
        var compare = page.GetByTestId("checkup-compare");
        await Expect(compare).ToBeVisibleAsync();

        var years = await compare.GetByTestId("checkup-year").CountAsync();
        Assert.True(years >= 2, $"{years} checkup year(s) in the comparison");
        await Expect(compare.GetByTestId("checkup-overall")).ToHaveCountAsync(years); // one overall judgement per year, in one row
        var firstRow = compare.Locator("tbody tr").Nth(1);
        await Expect(firstRow.GetByTestId("checkup-cell")).ToHaveCountAsync(years);
        await recorded.ScreenshotAsync("chart-checkups-ja");
    }

    [Fact]
    public async Task The_heaviest_patients_timeline_starts_with_90_days_and_loads_ten_years_as_the_user_scrolls()
    {
        await using var recorded = await RecordedPage.SignedInAsync(chromium.Browser, network, Doctor);
        await recorded.OpenChartAsync(ChartDemoData.HeaviestPatient);
        var page = recorded.Page;
        var count = page.GetByTestId("timeline-count");
        await Expect(count).ToBeVisibleAsync();
        var firstWindow = (await count.InnerTextAsync()).Trim();
        var total = ShownOf(firstWindow).Total;
        Assert.True(ShownOf(firstWindow).Shown < total, firstWindow);

        // Scroll to the end again and again (never the button): each time the observer adds the next year.
        for (var i = 0; i < 40 && await page.GetByTestId("timeline-older").CountAsync() > 0; i++)
        {
            var before = await count.InnerTextAsync();
            await page.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");
            // More entries, or the last year arrived already (the observer keeps filling a short page by itself).
            await page.WaitForFunctionAsync(
                "before => document.querySelector('[data-testid=timeline-count]').innerText !== before || !document.querySelector('[data-testid=timeline-older]')",
                before);
        }

        await Expect(page.GetByTestId("timeline-older")).ToHaveCountAsync(0);
        Assert.Equal(total, ShownOf(await count.InnerTextAsync()).Shown);
        await Expect(page.GetByTestId("timeline-item")).ToHaveCountAsync(total);
        Assert.Empty(recorded.FailedResources);
    }

    /// <summary>"29 件を表示（全 536 件、2026-08-26 以降）" → (29, 536).</summary>
    private static (int Shown, int Total) ShownOf(string text)
    {
        var numbers = System.Text.RegularExpressions.Regex.Matches(text, @"(\d+) 件").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return (numbers[0], numbers[1]);
    }
}
