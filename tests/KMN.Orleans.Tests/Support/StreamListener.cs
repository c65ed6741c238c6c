using System.Threading.Channels;
using KMN.Orleans.Grains.Abstractions.Access;
using Orleans.Streams;

namespace KMN.Orleans.Tests.Support;

/// <summary>
/// A test's subscription to one key of the live-push streams (<see cref="AccessStreams.Provider"/>): what arrives is
/// queued as <typeparamref name="T"/>, and <see cref="NextAsync"/> awaits it within a bound, so a lost push fails the
/// test instead of hanging it. A projection runs at delivery, for tests that must see the world as the notice found it.
/// </summary>
public sealed class StreamListener<T> : IAsyncDisposable
{
    private readonly Channel<T> _seen = Channel.CreateUnbounded<T>();
    private readonly TimeSpan _within;
    private Func<Task>? _unsubscribe;

    private StreamListener(TimeSpan within) => _within = within;

    public static Task<StreamListener<T>> ListenAsync(IClusterClient client, string streamNamespace, string key, TimeSpan within) =>
        ListenAsync<T>(client, streamNamespace, key, within, notice => Task.FromResult(notice));

    public static async Task<StreamListener<T>> ListenAsync<TNotice>(IClusterClient client, string streamNamespace, string key,
        TimeSpan within, Func<TNotice, Task<T>> project)
    {
        var listener = new StreamListener<T>(within);
        var stream = client.GetStreamProvider(AccessStreams.Provider).GetStream<TNotice>(StreamId.Create(streamNamespace, key));
        var handle = await stream.SubscribeAsync(async (notice, _) => await listener._seen.Writer.WriteAsync(await project(notice)));
        listener._unsubscribe = handle.UnsubscribeAsync;
        return listener;
    }

    /// <summary>The next arrival <paramref name="wanted"/> accepts; earlier ones it rejects are skipped.</summary>
    public async Task<T> NextAsync(Func<T, bool> wanted)
    {
        using var timeout = new CancellationTokenSource(_within);
        while (true)
        {
            var seen = await _seen.Reader.ReadAsync(timeout.Token);
            if (wanted(seen))
                return seen;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_unsubscribe is not null)
            await _unsubscribe();
    }
}
