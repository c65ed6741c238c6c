using KMN.Orleans.BrowserTests.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KMN.Orleans.BrowserTests.Pages;

/// <summary>/facilities (施設管理): the demo network's participating facilities, labelled in Japanese.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FacilityPageTests(KmnNetworkFixture network, ChromiumFixture chromium)
{
    private static readonly string[] JapaneseKinds =
        ["病院", "診療所", "歯科診療所", "薬局", "訪問看護ステーション", "介護施設", "地域包括支援センター"];

    [Fact]
    public async Task Facility_page_lists_every_demo_facility_with_Japanese_kinds()
    {
        await using var recorded = await RecordedPage.SignedInAsync(chromium.Browser, network, network.Cards.Operator);
        var page = recorded.Page;

        await recorded.OpenInteractiveAsync("/facilities");

        var table = page.GetByTestId("facility-table");
        await Expect(table.GetByTestId("facility-code")).ToHaveCountAsync(KmnNetworkFixture.DemoFacilities);
        await Expect(page.GetByTestId("facility-count")).ToContainTextAsync($"{KmnNetworkFixture.DemoFacilities}");

        var kinds = await table.GetByTestId("facility-kind").AllInnerTextsAsync();
        Assert.All(kinds, kind => Assert.Contains(kind.Trim(), JapaneseKinds));
        Assert.Equal(JapaneseKinds.Order(), kinds.Select(k => k.Trim()).Distinct().Order());
        await recorded.ScreenshotAsync("facilities-ja");
    }

    [Fact]
    public async Task Typing_in_the_search_box_filters_the_list_live()
    {
        await using var recorded = await RecordedPage.SignedInAsync(chromium.Browser, network, network.Cards.Operator);
        var page = recorded.Page;
        await recorded.OpenInteractiveAsync("/facilities");

        // Only the circuit can filter (no form post): this proves the page is interactive, not just prerendered.
        await page.GetByRole(Microsoft.Playwright.AriaRole.Textbox).First.FillAsync("薬局");

        var kinds = page.GetByTestId("facility-table").GetByTestId("facility-kind");
        await Expect(kinds).ToHaveCountAsync(4);
        Assert.All(await kinds.AllInnerTextsAsync(), kind => Assert.Equal("薬局", kind.Trim()));
    }
}
