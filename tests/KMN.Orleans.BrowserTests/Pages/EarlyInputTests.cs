using System.Text.RegularExpressions;
using KMN.Orleans.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KMN.Orleans.BrowserTests.Pages;

/// <summary>
/// A person who types into a search box the moment a page appears: the page is still the prerendered copy then
/// (no circuit yet), and the circuit's first render replaces it. What they typed must not vanish. These tests
/// deliberately do not wait for the circuit (plain GotoAsync, not OpenInteractiveAsync).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EarlyInputTests(KmnNetworkFixture network, ChromiumFixture chromium)
{
    // Several loads per test: each one is a fresh race between the typing and the circuit's first render.
    private const int Loads = 3;

    [Fact]
    public async Task Facility_search_typed_as_soon_as_the_page_loads_filters_the_list()
    {
        await using var recorded = await RecordedPage.SignedInAsync(chromium.Browser, network, network.Cards.Operator);
        var page = recorded.Page;
        for (var load = 0; load < Loads; load++)
        {
            await page.GotoAsync("/facilities");
            await page.GetByRole(AriaRole.Textbox).First.FillAsync("薬局");

            var kinds = page.GetByTestId("facility-table").GetByTestId("facility-kind");
            await Expect(kinds).ToHaveCountAsync(4);
            Assert.All(await kinds.AllInnerTextsAsync(), kind => Assert.Equal("薬局", kind.Trim()));
        }
    }

    [Fact]
    public async Task Patient_search_typed_and_sent_as_soon_as_the_page_loads_reaches_the_address()
    {
        await using var recorded = await RecordedPage.SignedInAsync(chromium.Browser, network, network.Cards.Physician);
        var page = recorded.Page;
        for (var load = 0; load < Loads; load++)
        {
            await page.GotoAsync("/patients");
            await page.Locator("input[data-testid=search-text]").FillAsync("430000000006");
            await page.GetByTestId("search-submit").ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex(@"/patients\?q=430000000006$"));
            await Expect(page.Locator("input[data-testid=search-text]")).ToHaveValueAsync("430000000006");
        }
    }
}
