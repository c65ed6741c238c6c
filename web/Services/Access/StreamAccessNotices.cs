using KMN.Orleans.Grains.Abstractions.Access;
using Orleans.Streams;

namespace KMN.Orleans.Web.Services.Access;

/// <summary>
/// <see cref="IAccessNotices"/> on the silos' memory streams (<see cref="AccessStreams.Provider"/>). A subscription
/// lives as long as the page that asked for it; unsubscribing is best effort (the cluster may be gone).
/// </summary>
public sealed class StreamAccessNotices(IClusterClient client, GrainCallGuard guard, ILogger<StreamAccessNotices> logger) : IAccessNotices
{
    public Task<IAsyncDisposable> WatchAccessLogAsync(string patientId, Func<Task> changed) =>
        SubscribeAsync<AccessLogNotice>(StreamId.Create(AccessLogStreams.Namespace, patientId), _ => changed());

    public Task<IAsyncDisposable> WatchBreakGlassAsync(string key, Func<BreakGlassAlert, Task> alert) =>
        SubscribeAsync(StreamId.Create(AccessStreams.BreakGlassNamespace, key), alert);

    private async Task<IAsyncDisposable> SubscribeAsync<T>(StreamId id, Func<T, Task> onNext)
    {
        var stream = client.GetStreamProvider(AccessStreams.Provider).GetStream<T>(id);
        var handle = await guard.RunAsync("Subscribe " + id, () => stream.SubscribeAsync((item, _) => onNext(item)));
        return new Subscription<T>(handle, logger);
    }

    private sealed class Subscription<T>(StreamSubscriptionHandle<T> handle, ILogger logger) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await handle.UnsubscribeAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogDebug(e, "Unsubscribing from {Stream} failed; the subscription ends with the client", handle.StreamId);
            }
        }
    }
}
