using Microsoft.JSInterop;

namespace KMN.Orleans.PortalTests.Support;

/// <summary>
/// A browser whose module imports arrive only when the test says so: for what a component does when it is gone
/// before its JavaScript is (bUnit's own interop answers module imports at once).
/// </summary>
public sealed class SlowImportJsRuntime : IJSRuntime
{
    private readonly TaskCompletionSource<IJSObjectReference> _import = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<string> Calls { get; } = [];

    public void CompleteImport(IJSObjectReference module) => _import.SetResult(module);

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => InvokeAsync<TValue>(identifier, default, args);

    public async ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
    {
        Calls.Add(identifier);
        if (identifier == "import" && typeof(TValue) == typeof(IJSObjectReference))
            return (TValue)await _import.Task;
        return default!;
    }
}
