using KMN.Orleans.BrowserTests.Infrastructure;
using Xunit;

namespace KMN.Orleans.BrowserTests.Smoke;

/// <summary>The plumbing under the UI tests: the silo is up, and Chromium renders Japanese text.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SmokeTests(KmnNetworkFixture network, ChromiumFixture chromium)
{
    [Fact]
    public async Task Silo_reports_ready()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(network.SiloHealthUrl);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}{Environment.NewLine}{network.Diagnostics}");
        Assert.Contains("\"ready\"", body);
    }

    [Fact]
    public async Task Chromium_renders_a_Japanese_page_from_loopback()
    {
        await using var recorded = await RecordedPage.OpenAsync(chromium.Browser, network.SiloHealthUrl);
        await recorded.Page.GotoAsync(network.SiloHealthUrl);
        Assert.Contains("ready", await recorded.Page.InnerTextAsync("body"));

        await recorded.Page.SetContentAsync("<html lang=\"ja\"><body><h1>くまもとメディカルネットワーク</h1></body></html>");
        Assert.Equal("くまもとメディカルネットワーク", await recorded.Page.InnerTextAsync("h1"));
        await recorded.ScreenshotAsync("smoke-japanese-text");
    }
}
