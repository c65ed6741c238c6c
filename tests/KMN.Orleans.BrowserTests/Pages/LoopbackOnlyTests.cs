using KMN.Orleans.BrowserTests.Infrastructure;
using Xunit;

namespace KMN.Orleans.BrowserTests.Pages;

/// <summary>
/// A medical network portal runs on closed networks: every script, style and font must come from our own
/// server (no CDN), and every one of them must actually be served.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LoopbackOnlyTests(KmnNetworkFixture network, ChromiumFixture chromium)
{
    public static TheoryData<string> PortalPages => ["/", "/patients", "/facilities", "/ops"];

    [Theory]
    [MemberData(nameof(PortalPages))]
    public async Task Page_requests_nothing_outside_loopback(string path)
    {
        await using var recorded = await RecordedPage.SignedInAsync(chromium.Browser, network, network.Cards.Operator);
        await recorded.OpenInteractiveAsync(path);

        var urls = recorded.RequestedUrls;
        // The recording must see the circuit's WebSocket too, or "nothing outside" would prove little.
        Assert.Contains(urls, url => url.Contains("/_blazor", StringComparison.Ordinal));
        var outside = urls.Where(url => !IsLoopback(url)).ToList();
        Assert.True(outside.Count == 0, $"{path} requested outside 127.0.0.1:{Environment.NewLine}{string.Join(Environment.NewLine, outside)}");
    }

    [Theory]
    [MemberData(nameof(PortalPages))]
    public async Task Page_assets_are_all_served(string path)
    {
        await using var recorded = await RecordedPage.SignedInAsync(chromium.Browser, network, network.Cards.Operator);
        await recorded.OpenInteractiveAsync(path);
        await recorded.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.Load);

        Assert.True(recorded.FailedResources.Count == 0,
            $"{path} had failed resources:{Environment.NewLine}{string.Join(Environment.NewLine, recorded.FailedResources)}");
    }

    [Fact]
    public async Task Orleans_dashboard_loads_from_loopback_with_every_asset()
    {
        await using var recorded = await RecordedPage.SignedInAsync(chromium.Browser, network, network.Cards.Operator);
        // The dashboard is its own single-page app (not Blazor): wait for the page load and its first data.
        var response = await recorded.Page.GotoAsync("/ops/dashboard/", new() { WaitUntil = Microsoft.Playwright.WaitUntilState.Load });
        Assert.True(response?.Ok, $"/ops/dashboard/ answered {response?.Status}");
        await recorded.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        await recorded.ScreenshotAsync("ops-dashboard");

        var outside = recorded.RequestedUrls.Where(url => !IsLoopback(url)).ToList();
        Assert.True(outside.Count == 0, $"The dashboard requested outside 127.0.0.1:{Environment.NewLine}{string.Join(Environment.NewLine, outside)}");
        Assert.True(recorded.FailedResources.Count == 0,
            $"The dashboard had failed resources:{Environment.NewLine}{string.Join(Environment.NewLine, recorded.FailedResources)}");
    }

    // data: and blob: URLs are made inside the page and never touch the network.
    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme is "data" or "blob" || uri.Host == "127.0.0.1");
}
