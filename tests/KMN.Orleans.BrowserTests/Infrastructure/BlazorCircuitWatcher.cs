using System.Text;
using Microsoft.Playwright;

namespace KMN.Orleans.BrowserTests.Infrastructure;

/// <summary>
/// Tells when a page has become interactive. Pages are prerendered, so content shows up before the
/// Blazor Server circuit exists; clicks and typing only work once the circuit's first render has replaced
/// the prerendered copy. Two steps, no sleeping: the first render batch arriving over this load's WebSocket
/// (so an earlier page's circuit cannot answer), then the layout's data-interactive="true" in the DOM (the
/// frame arrives before the browser has applied it; typing in between went into the prerendered input and
/// was lost when the batch replaced it).
/// </summary>
public sealed class BlazorCircuitWatcher
{
    private static readonly byte[] RenderBatch = Encoding.ASCII.GetBytes("JS.RenderBatch");
    private const string InteractiveShell = "[data-interactive=true]";
    private readonly IPage _page;
    private readonly Lock _gate = new();
    private TaskCompletionSource _rendered = NewSignal();

    public BlazorCircuitWatcher(IPage page)
    {
        _page = page;
        page.WebSocket += OnWebSocket;
    }

    private void OnWebSocket(object? sender, IWebSocket socket)
    {
        if (!socket.Url.Contains("/_blazor", StringComparison.Ordinal))
            return;
        // A socket signals the load it was opened for, never a later one: the previous page's circuit
        // may still push a render batch while the next page loads.
        var signal = Current();
        socket.FrameReceived += (_, frame) =>
        {
            if (IsRenderBatch(frame))
                signal.TrySetResult();
        };
    }

    /// <summary>Forget earlier circuits: call before a full page load.</summary>
    public void Reset()
    {
        lock (_gate)
            _rendered = NewSignal();
    }

    public async Task WaitForInteractiveRenderAsync(TimeSpan timeout)
    {
        var started = DateTime.UtcNow;
        try
        {
            await Current().Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"No Blazor render batch arrived over /_blazor within {timeout.TotalSeconds:0}s: the circuit did not start.");
        }
        var left = timeout - (DateTime.UtcNow - started);
        await _page.Locator(InteractiveShell).First.WaitForAsync(new LocatorWaitForOptions
        {
            State = WaitForSelectorState.Attached,
            Timeout = (float)Math.Max(left.TotalMilliseconds, 1_000),
        });
    }

    private TaskCompletionSource Current()
    {
        lock (_gate)
            return _rendered;
    }

    // blazorpack (MessagePack) frames carry the method name as plain ASCII; JSON frames as text.
    private static bool IsRenderBatch(IWebSocketFrame frame) =>
        frame.Binary is { } binary
            ? binary.AsSpan().IndexOf(RenderBatch) >= 0
            : frame.Text?.Contains("JS.RenderBatch", StringComparison.Ordinal) == true;

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
