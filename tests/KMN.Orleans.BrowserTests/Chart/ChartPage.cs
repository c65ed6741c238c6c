using System.Text.RegularExpressions;
using KMN.Orleans.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KMN.Orleans.BrowserTests.Chart;

/// <summary>A signed-in page on a patient's chart, with the few moves the chart tests make.</summary>
public static partial class ChartPage
{
    /// <summary>Opens the chart and waits until its header is shown (the chart loaded and the access decision allowed it).</summary>
    /// <remarks>
    /// The prerendered HTML already shows a chart, which the interactive page then replaces with its own load.
    /// The timeline loads its scroll module only when it renders interactively, so that request marks the chart the
    /// test can use.
    /// </remarks>
    public static async Task OpenChartAsync(this RecordedPage recorded, string patient)
    {
        // The import map sends the module to its fingerprinted name (TimelineView.<hash>.razor.js).
        var interactiveTimeline = recorded.Page.WaitForRequestAsync(
            r => r.Url.Contains("/Components/Chart/TimelineView.", StringComparison.Ordinal) && r.Url.EndsWith(".js", StringComparison.Ordinal),
            new() { Timeout = 60_000 });
        await recorded.OpenInteractiveAsync($"/patients/{patient}");
        try
        {
            await interactiveTimeline;
        }
        catch (TimeoutException e)
        {
            var scripts = recorded.RequestedUrls.Where(u => u.EndsWith(".js", StringComparison.Ordinal));
            throw new TimeoutException($"The timeline never loaded its scroll module; scripts asked for: {string.Join(", ", scripts)}", e);
        }
        await Expect(recorded.Page.GetByTestId("chart-header")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Selects a chart tab. MudTabs wires its clicks from JavaScript after the first render, so a click that lands
    /// before that is lost: click again until the tab says it is selected.
    /// </summary>
    public static async Task ShowTabAsync(this IPage page, string name)
    {
        var tab = page.GetByRole(AriaRole.Tab, new() { Name = name, Exact = true });
        for (var attempt = 0; ; attempt++)
        {
            await tab.ClickAsync();
            try
            {
                await Expect(tab).ToHaveAttributeAsync("aria-selected", "true", new() { Timeout = 3_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 5)
            {
            }
        }
    }

    /// <summary>The hidden-category lines as shown, whitespace folded: "検体検査：職種の権限".</summary>
    public static async Task<IReadOnlyList<string>> HiddenLinesAsync(this IPage page) =>
        [.. (await page.GetByTestId("hidden-item").AllInnerTextsAsync()).Select(Fold)];

    /// <summary>The timeline's category filter chips: every category the chart has entries of.</summary>
    public static async Task<IReadOnlyList<string>> TimelineCategoriesAsync(this IPage page) =>
        [.. (await page.GetByTestId("filter-category").AllInnerTextsAsync()).Select(Fold)];

    public static string Fold(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
