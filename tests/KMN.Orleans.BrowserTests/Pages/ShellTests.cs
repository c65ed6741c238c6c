using KMN.Orleans.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KMN.Orleans.BrowserTests.Pages;

/// <summary>The portal's frame as a Japanese user first sees it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ShellTests(KmnNetworkFixture network, ChromiumFixture chromium)
{
    [Fact]
    public async Task Home_page_greets_in_Japanese_with_the_three_sections()
    {
        await using var recorded = await RecordedPage.SignedInAsync(chromium.Browser, network, network.Cards.Operator);
        var page = recorded.Page;

        await recorded.OpenInteractiveAsync("/");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        await Expect(page.GetByTestId("app-title")).ToContainTextAsync("くまもと");
        await Expect(page.GetByTestId("nav-patients")).ToHaveTextAsync("患者");
        await Expect(page.GetByTestId("nav-facilities")).ToHaveTextAsync("施設管理");
        await Expect(page.GetByTestId("nav-ops")).ToHaveTextAsync("運用");
        await Expect(page.GetByTestId("lang-toggle")).ToBeVisibleAsync();
        await recorded.ScreenshotAsync("home-ja");
    }

    [Fact]
    public async Task Navigation_links_open_their_pages_without_a_reload()
    {
        await using var recorded = await RecordedPage.SignedInAsync(chromium.Browser, network, network.Cards.Operator);
        var page = recorded.Page;
        await recorded.OpenInteractiveAsync("/");
        // A full reload would wipe this flag; the interactive router keeps the same document.
        await page.EvaluateAsync("() => window.kmnSameDocument = true");

        await page.GetByTestId("nav-facilities").ClickAsync();
        await Expect(page).ToHaveURLAsync(network.WebBaseUrl + "/facilities");
        await Expect(page.GetByTestId("facility-table")).ToBeVisibleAsync();

        await page.GetByTestId("nav-ops").ClickAsync();
        await Expect(page).ToHaveURLAsync(network.WebBaseUrl + "/ops");
        await Expect(page.GetByTestId("silo-table")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.kmnSameDocument === true"), "Navigation reloaded the page.");
    }
}
