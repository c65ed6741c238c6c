using KMN.Orleans.BrowserTests.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KMN.Orleans.BrowserTests.Pages;

/// <summary>Japanese first, English one click away, and back.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(KmnNetworkFixture network, ChromiumFixture chromium)
{
    [Fact]
    public async Task Language_toggle_switches_to_English_and_back_to_Japanese()
    {
        await using var recorded = await RecordedPage.SignedInAsync(chromium.Browser, network, network.Cards.Operator);
        var page = recorded.Page;
        await recorded.OpenInteractiveAsync("/");

        await recorded.ReloadedInteractiveAsync(() => page.GetByTestId("lang-en").ClickAsync());
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByTestId("nav-patients")).ToHaveTextAsync("Patients");
        await Expect(page.GetByTestId("nav-facilities")).ToHaveTextAsync("Facilities");
        await Expect(page.GetByTestId("nav-ops")).ToHaveTextAsync("Operations");
        await recorded.ScreenshotAsync("home-en");

        await recorded.ReloadedInteractiveAsync(() => page.GetByTestId("lang-ja").ClickAsync());
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        await Expect(page.GetByTestId("nav-patients")).ToHaveTextAsync("患者");
        await Expect(page.GetByTestId("nav-facilities")).ToHaveTextAsync("施設管理");
        await Expect(page.GetByTestId("nav-ops")).ToHaveTextAsync("運用");
    }

    [Fact]
    public async Task Culture_link_returns_to_the_page_it_came_from_in_English()
    {
        await using var recorded = await RecordedPage.SignedInAsync(chromium.Browser, network, network.Cards.Operator);
        var page = recorded.Page;

        await recorded.OpenInteractiveAsync("/culture/set?culture=en&redirectUri=%2Ffacilities");

        await Expect(page).ToHaveURLAsync(network.WebBaseUrl + "/facilities");
        await Expect(page.GetByTestId("facility-kind").Filter(new() { HasText = "Hospital" }).First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("nav-facilities")).ToHaveTextAsync("Facilities");
    }
}
