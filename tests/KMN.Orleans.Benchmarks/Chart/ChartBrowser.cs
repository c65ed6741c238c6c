using System.Text.Json;
using KMN.Orleans.Grains.Abstractions.Accounts;
using Microsoft.Playwright;

namespace KMN.Orleans.Benchmarks.Chart;

/// <summary>
/// The distro's headless Chromium (never a downloaded one) with one signed-in page: the card's PKCS#12 is the TLS
/// client certificate, as a card reader presents it, and the password goes into the sign-in form.
/// </summary>
public sealed class ChartBrowser : IAsyncDisposable
{
    public const string DefaultChromium = "/usr/bin/chromium";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IBrowserContext _context;
    private readonly List<string> _console = [];

    private ChartBrowser(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page)
    {
        (_playwright, _browser, _context, Page) = (playwright, browser, context, page);
        // What the page said (Blazor's circuit errors land here): the evidence when a chart never paints.
        page.Console += (_, message) => { lock (_console) _console.Add($"[{message.Type}] {message.Text}"); };
    }

    public IPage Page { get; }

    public static string Executable =>
        Environment.GetEnvironmentVariable("KMN_CHROMIUM") is { Length: > 0 } fromEnv ? fromEnv : DefaultChromium;

    public static async Task<ChartBrowser> SignInAsync(string portalUrl, DemoStaffCard card)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            // No sandbox: benchmarks run as root in containers. The rest keeps Chromium from calling home.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portalUrl,
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            IgnoreHTTPSErrors = true, // the portal's certificate comes from the network CA, which Chromium does not trust
            ClientCertificates = [new ClientCertificate { Origin = portalUrl, PfxPath = card.Pkcs12Path, Passphrase = card.Pkcs12Password }],
        });
        context.SetDefaultTimeout(60_000);
        await context.AddInitScriptAsync(ChartTimingScript.Source);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/signin");
        await page.GetByTestId("signin-password").FillAsync(card.Password);
        await page.GetByTestId("signin-submit").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/signin", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load });
        return new ChartBrowser(playwright, browser, context, page);
    }

    /// <summary>A full page load of the chart (typed URL or reload): prerendered by the server, then made live by the circuit.</summary>
    public async Task<ChartMarks> LoadAsync(string path)
    {
        await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        return await MarksAsync("() => window.__kmnChartLoad");
    }

    /// <summary>Opens the chart from another page of the running portal, as a link in the patient search does.</summary>
    public Task<ChartMarks> NavigateAsync(string path) => MarksAsync($"() => window.__kmnChartNavigate({JsonSerializer.Serialize(path)})");

    /// <summary>Leaves the chart for the home page inside the circuit (closing the chart, as a user moving on does).</summary>
    public async Task LeaveAsync()
    {
        await Page.EvaluateAsync("() => Blazor.navigateTo('/')");
        await Page.Locator("[data-testid=chart-header]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
    }

    // Evaluate has no timeout of its own: a chart that never paints must fail the run, not hang it.
    private async Task<ChartMarks> MarksAsync(string expression)
    {
        try
        {
            var marks = await Page.EvaluateAsync(expression).WaitAsync(TimeSpan.FromSeconds(60));
            return JsonSerializer.Deserialize<ChartMarks>(marks!.Value.GetRawText(), Web)!;
        }
        catch (TimeoutException)
        {
            var shown = await Page.Locator("body").InnerTextAsync(new LocatorInnerTextOptions { Timeout = 5_000 });
            string said;
            lock (_console)
                said = string.Join(Environment.NewLine, _console.TakeLast(20));
            throw new TimeoutException($"the chart at {Page.Url} did not paint within 60 s; the page shows: {shown[..Math.Min(shown.Length, 400)]}"
                + $"{Environment.NewLine}the browser console's last lines:{Environment.NewLine}{said}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _context.CloseAsync();
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}

/// <summary>
/// Milliseconds from the start of an open to each painted stage. Only for full page loads: <see cref="Ttfb"/>,
/// <see cref="DomReady"/> (the page's scripts ran), <see cref="Socket"/> (the circuit's WebSocket opened) and
/// <see cref="Circuit"/> (the live circuit's first render batch arrived): where a page load's start-up time goes.
/// </summary>
public sealed record ChartMarks(double Header, double Timeline, double Ready, int Items, double? Ttfb, double? Circuit,
    double? DomReady = null, double? Socket = null);
