using System.Text;
using Microsoft.Playwright;

namespace KMN.Orleans.BrowserTests.Infrastructure;

/// <summary>
/// Tells when a page has become interactive. Pages are prerendered, so content shows up before the
/// Blazor Server circuit exists; clicks and typing only work once the server has sent the first render
/// batch over the circuit's WebSocket. We watch for exactly that frame instead of sleeping.
/// </summary>
public sealed class BlazorCircuitWatcher
{
    private static readonly byte[] RenderBatch = Encoding.ASCII.GetBytes("JS.RenderBatch");
    private readonly Lock _gate = new();
    private TaskCompletionSource _rendered = NewSignal();

    public BlazorCircuitWatcher(IPage page) => page.WebSocket += (_, socket) =>
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
    };

    /// <summary>Forget earlier circuits: call before a full page load.</summary>
    public void Reset()
    {
        lock (_gate)
            _rendered = NewSignal();
    }

    public async Task WaitForInteractiveRenderAsync(TimeSpan timeout)
    {
        try
        {
            await Current().Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"No Blazor render batch arrived over /_blazor within {timeout.TotalSeconds:0}s: the circuit did not start.");
        }
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
