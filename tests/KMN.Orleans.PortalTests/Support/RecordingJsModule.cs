using Microsoft.JSInterop;

namespace KMN.Orleans.PortalTests.Support;

/// <summary>A JavaScript module that answers nothing and remembers what was asked of it, and whether it was released.</summary>
public sealed class RecordingJsModule : IJSObjectReference
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<string> Calls { get; } = [];

    /// <summary>Completes when the component disposes the module.</summary>
    public Task Released => _released.Task;

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => InvokeAsync<TValue>(identifier, default, args);

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
    {
        Calls.Add(identifier);
        return ValueTask.FromResult(default(TValue)!);
    }

    public ValueTask DisposeAsync()
    {
        _released.TrySetResult();
        return ValueTask.CompletedTask;
    }
}
