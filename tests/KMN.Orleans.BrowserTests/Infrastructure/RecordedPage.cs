using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace KMN.Orleans.BrowserTests.Infrastructure;

/// <summary>
/// A fresh browser context (own cookies, Japanese locale like a KMN user) with one page whose every
/// request and response is recorded, so tests can check where the page went and what failed to load.
/// </summary>
public sealed class RecordedPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly BlazorCircuitWatcher _circuit;

    private static readonly TimeSpan InteractiveTimeout = TimeSpan.FromSeconds(30);

    private RecordedPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        _circuit = new BlazorCircuitWatcher(page);
        page.Request += (_, request) => _requests.Enqueue(request.Url);
        page.WebSocket += (_, socket) => _requests.Enqueue(socket.Url);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
                _failures.Enqueue($"{response.Status} {response.Request.Method} {response.Url}");
        };
        page.RequestFailed += (_, request) => _failures.Enqueue($"failed ({request.Failure}) {request.Method} {request.Url}");
    }

    public IPage Page { get; }

    /// <summary>
    /// Loads <paramref name="path"/> and waits until the Blazor circuit has rendered it interactively, so
    /// clicks and typing reach the server. Fails when the page answers with an error status.
    /// </summary>
    public async Task OpenInteractiveAsync(string path)
    {
        _circuit.Reset();
        var response = await Page.GotoAsync(path);
        if (response is null || !response.Ok)
            throw new InvalidOperationException($"GET {path} answered {response?.Status.ToString() ?? "nothing"}.");
        await _circuit.WaitForInteractiveRenderAsync(InteractiveTimeout);
    }

    /// <summary>Like <see cref="OpenInteractiveAsync"/> for a full page load we did not start (a link or redirect).</summary>
    public async Task ReloadedInteractiveAsync(Func<Task> action)
    {
        _circuit.Reset();
        await action();
        await _circuit.WaitForInteractiveRenderAsync(InteractiveTimeout);
    }

    /// <summary>Every URL the page asked for, including assets, fetches and the Blazor connection.</summary>
    public IReadOnlyList<string> RequestedUrls => [.. _requests];

    /// <summary>Responses with an error status, and requests that never got an answer.</summary>
    public IReadOnlyList<string> FailedResources => [.. _failures];

    /// <summary>
    /// A fresh context on <paramref name="baseUrl"/>. With <paramref name="card"/> the browser presents that
    /// PKCS#12 card as its TLS client certificate to the portal, as a card reader would; without one, none.
    /// </summary>
    public static async Task<RecordedPage> OpenAsync(IBrowser browser, string baseUrl, DemoCard? card = null)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            // The portal's server certificate comes from the network CA, which this Chromium does not trust
            // (people import the network root; deploy/up.sh prints how).
            IgnoreHTTPSErrors = true,
        };
        if (card is not null)
            options.ClientCertificates = [new ClientCertificate { Origin = baseUrl, PfxPath = card.Pkcs12Path, Passphrase = card.Pkcs12Password }];
        var context = await browser.NewContextAsync(options);
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        return new RecordedPage(context, page);
    }

    /// <summary>A page in a context that presents <paramref name="card"/> and has signed in with its password.</summary>
    public static async Task<RecordedPage> SignedInAsync(IBrowser browser, KmnNetworkFixture network, DemoCard card)
    {
        var recorded = await OpenAsync(browser, network.WebBaseUrl, card);
        try
        {
            await recorded.SignInAsync(card.SignInPassword);
            return recorded;
        }
        catch
        {
            await recorded.DisposeAsync();
            throw;
        }
    }

    /// <summary>Fills the sign-in form and waits for the answer: another page when it worked, an exception with the message when not.</summary>
    public async Task SignInAsync(string password)
    {
        await SubmitSignInAsync(password);
        if (IsSignInPage(Page.Url))
        {
            var shown = await Page.Locator("[data-testid=signin-error], [data-testid=card-problem]").AllInnerTextsAsync();
            throw new InvalidOperationException($"Sign-in was refused: {string.Join(" / ", shown)} ({Page.Url})");
        }
    }

    /// <summary>Opens /signin, types the password and submits; the page is then wherever the portal sent it.</summary>
    public async Task SubmitSignInAsync(string password, string path = "/signin")
    {
        await Page.GotoAsync(path);
        await Page.GetByTestId("signin-password").FillAsync(password);
        var form = Page.Url;
        await Page.GetByTestId("signin-submit").ClickAsync();
        // The post always answers with a redirect: to the page asked for, or back here with ?reason=...
        await Page.WaitForURLAsync(url => url != form, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load });
    }

    public static bool IsSignInPage(string url) => new Uri(url).AbsolutePath == "/signin";

    /// <summary>Saves a full-page screenshot for a person to look at; returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(RepoLayout.ResultsDirectory, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
