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

    public static async Task<RecordedPage> OpenAsync(IBrowser browser, string baseUrl)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        return new RecordedPage(context, page);
    }

    /// <summary>Saves a full-page screenshot for a person to look at; returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(RepoLayout.ResultsDirectory, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
