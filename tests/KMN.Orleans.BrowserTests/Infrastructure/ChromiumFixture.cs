using Microsoft.Playwright;
using Xunit;

namespace KMN.Orleans.BrowserTests.Infrastructure;

/// <summary>
/// The distro's headless Chromium driven through Playwright's bundled driver. We never download a browser
/// (no network here); a machine without /usr/bin/chromium fails the run with the install command.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private const string DefaultChromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is not started.");

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("KMN_CHROMIUM") is { Length: > 0 } fromEnv ? fromEnv : DefaultChromium;
        if (!File.Exists(executable))
            throw new InvalidOperationException(
                $"Chromium not found at {executable}. Install it with: apt-get install -y chromium fonts-noto-cjk " +
                "(deploy/test.sh does this), or set KMN_CHROMIUM.");

        // Assertions retry until this passes. Playwright's 5 s default is short for a 2-core machine that is also
        // building and running a silo; a page that really fails still fails, only later.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // No sandbox: tests run as root in containers. The rest keeps Chromium from calling home.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
