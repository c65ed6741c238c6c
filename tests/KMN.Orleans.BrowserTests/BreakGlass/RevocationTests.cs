using KMN.Orleans.BrowserTests.Infrastructure;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KMN.Orleans.BrowserTests.BreakGlass;

/// <summary>A revocation while a chart is open closes it at once, with the reason.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RevocationTests(KmnNetworkFixture network, ChromiumFixture chromium)
{
    private const int DemoPatients = 20; // as KmnNetworkFixture starts the demo network
    [Fact]
    public async Task Revoking_the_consent_closes_the_open_chart_with_the_reason()
    {
        var card = BreakGlassCards.Second(network.Cards);
        await using var cluster = await ClusterAccess.ConnectAsync(network);
        // Demo accounts are named "{facility code}-{nn}" (card.Facility is the facility's name).
        var caller = new AccessCaller(card.Account.Split('-')[0], card.Account, StaffRole.Physician, card.Name);
        var (patient, consent) = await cluster.ConsentingPatientAsync(caller, DemoPatients);

        await using var doctor = await RecordedPage.SignedInAsync(chromium.Browser, network, card);
        var page = doctor.Page;
        await doctor.OpenInteractiveAsync("/patients/" + patient);
        await Expect(page.GetByTestId("chart-header")).ToBeVisibleAsync();
        await WaitForLiveChartAsync(page);

        var receipt = await cluster.RevokeAsync(patient, consent);
        Assert.Null(receipt.Problem);

        await Expect(page.GetByTestId("chart-closed")).ToContainTextAsync("同意が撤回されています");
        await Expect(page.GetByTestId("chart-header")).ToHaveCountAsync(0);
        await doctor.ScreenshotAsync("revoked-while-open-ja");
    }

    /// <summary>
    /// A tab switch answers only once the circuit's own chart is loaded (and watching for changes); until then the
    /// page shows the prerendered chart, whose tabs do nothing. So: switch tabs until one switch is answered.
    /// </summary>
    private static async Task WaitForLiveChartAsync(IPage page)
    {
        var calendar = page.GetByRole(AriaRole.Tab, new() { Name = "カレンダー" });
        for (var attempt = 1; ; attempt++)
        {
            await calendar.ClickAsync();
            try
            {
                await Expect(page.GetByTestId("calendar")).ToBeVisibleAsync(new() { Timeout = 2_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 30)
            {
            }
        }
    }
}
