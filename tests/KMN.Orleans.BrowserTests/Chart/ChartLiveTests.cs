using KMN.Orleans.BrowserTests.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KMN.Orleans.BrowserTests.Chart;

/// <summary>An open chart follows a facility's upload by itself: pushed by the record grain, no reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChartLiveTests(KmnNetworkFixture network, ChromiumFixture chromium)
{
    [Fact]
    public async Task A_diagnosis_uploaded_through_the_FHIR_API_appears_in_the_open_chart_without_reload()
    {
        var patient = ChartDemoData.DuplicatePatient;
        var data = new ChartDemoData(network);
        DemoCard? uploader = null;
        string? chartNumber = null;
        foreach (var facility in network.Cards.All.Where(c => c.Kind == "facility-provider"))
        {
            if (await data.ChartNumberAsync(patient, facility.Account) is { } number)
            {
                (uploader, chartNumber) = (facility, number);
                break;
            }
        }
        Assert.True(uploader is not null && chartNumber is not null, $"{patient} has no chart number at a data-providing facility");

        await using var recorded = await RecordedPage.SignedInAsync(chromium.Browser, network, network.Cards.Physician);
        await recorded.OpenChartAsync(patient);
        var page = recorded.Page;
        await page.EvaluateAsync("() => window.kmnSamePage = true");
        var diagnosis = "ライブ更新確認症候群" + Random.Shared.Next(1000, 9999);
        await Expect(page.GetByTestId("timeline")).Not.ToContainTextAsync(diagnosis);

        Assert.Equal(200, await FacilityUpload.PostDiagnosisAsync(network.FhirBaseUrl, uploader!, chartNumber!, diagnosis));

        // The push arrives within seconds; the safety poll (30 s) would also get there, well inside the timeout.
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync(diagnosis, new() { Timeout = 45_000 });
        await Expect(page.GetByTestId("chart-updated")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.kmnSamePage === true"), "the page was reloaded");
        await recorded.ScreenshotAsync("chart-live-update-ja");
    }
}
