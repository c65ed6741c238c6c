using System.Globalization;
using KMN.Orleans.BrowserTests.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KMN.Orleans.BrowserTests.Pages;

/// <summary>/ops (運用): what an operator checks first — which silos run and how busy they are.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OpsPageTests(KmnNetworkFixture network, ChromiumFixture chromium)
{
    [Fact]
    public async Task Ops_page_lists_the_one_active_silo_and_activation_counts()
    {
        await using var recorded = await RecordedPage.SignedInAsync(chromium.Browser, network, network.Cards.Operator);
        var page = recorded.Page;

        await recorded.OpenInteractiveAsync("/ops");

        var rows = page.GetByTestId("silo-table").GetByTestId("silo-row");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToHaveAttributeAsync("data-status", "Active");
        await Expect(rows.First.GetByTestId("silo-status")).ToHaveTextAsync("稼働中");

        // The demo load activated the facility grains: the activation table must count them.
        var facilityGrains = page.GetByTestId("activation-row").Filter(new() { HasText = "FacilityGrain" });
        await Expect(facilityGrains).ToHaveCountAsync(1);
        var activations = await facilityGrains.Locator("td").Nth(1).InnerTextAsync();
        Assert.True(int.Parse(activations, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) >= 1,
            $"FacilityGrain activations shown as '{activations}'.");
        await recorded.ScreenshotAsync("ops-ja");
    }
}
