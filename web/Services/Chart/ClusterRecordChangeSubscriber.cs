using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Records;
using Orleans.Streams;

namespace KMN.Orleans.Web.Services.Chart;

/// <summary>The patient's record-change memory stream (<see cref="RecordChangeStreams"/>), as this web's cluster client sees it.</summary>
public sealed class ClusterRecordChangeSubscriber(IClusterClient client) : IRecordChangeSubscriber
{
    public async Task<IAsyncDisposable> SubscribeAsync(string patientId, Func<RecordChanged, Task> changed,
        CancellationToken cancellationToken = default)
    {
        var stream = client.GetStreamProvider(AccessStreams.Provider)
            .GetStream<RecordChanged>(StreamId.Create(RecordChangeStreams.Namespace, patientId));
        var handle = await stream.SubscribeAsync((notice, _) => changed(notice)).WaitAsync(GrainCallGuard.DefaultTimeout, cancellationToken);
        return new Subscription(handle);
    }

    private sealed class Subscription(StreamSubscriptionHandle<RecordChanged> handle) : IAsyncDisposable
    {
        // Bounded: closing a chart must not hang on a cluster that went away (the pubsub drops dead subscribers itself).
        public async ValueTask DisposeAsync() => await handle.UnsubscribeAsync().WaitAsync(GrainCallGuard.DefaultTimeout);
    }
}
