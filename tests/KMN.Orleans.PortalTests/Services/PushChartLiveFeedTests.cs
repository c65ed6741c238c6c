using System.Threading.Channels;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Web.Services.Chart;
using Microsoft.Extensions.Logging.Abstractions;

namespace KMN.Orleans.PortalTests.Services;

/// <summary>An open chart reloads on a push, catches up on the slow safety poll, and stops listening when closed.</summary>
public sealed class PushChartLiveFeedTests
{
    private const string Patient = "430000000001";
    private readonly StepClock _clock = new();
    private readonly FakePushes _pushes = new();
    private readonly FakeFingerprints _fingerprints = new();
    private readonly Channel<int> _reloads = Channel.CreateUnbounded<int>();
    private int _reloadCount;

    private PushChartLiveFeed Feed() => new(_pushes, _fingerprints, _clock, NullLogger<PushChartLiveFeed>.Instance);

    private Task Reloaded()
    {
        _reloads.Writer.TryWrite(Interlocked.Increment(ref _reloadCount));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_push_reloads_the_chart_and_closing_it_unsubscribes()
    {
        var watch = Feed().Watch(Patient, Reloaded);
        var subscription = await _pushes.Subscribed.Reader.ReadAsync().AsTask().WaitAsync(Guard);
        Assert.Equal(Patient, subscription.PatientId);

        await subscription.Push(new RecordChanged(Patient, RecordChangeKind.RecordsAppended, "4310000001", _clock.GetUtcNow(), 1, false));
        Assert.Equal(1, await NextReloadAsync());

        await watch.DisposeAsync();
        Assert.True(subscription.Disposed);
    }

    [Fact]
    public async Task Without_a_push_the_safety_poll_notices_a_changed_record()
    {
        _fingerprints.Answers = ["rows=10", "rows=12"];
        await using var watch = Feed().Watch(Patient, Reloaded);
        await _pushes.Subscribed.Reader.ReadAsync().AsTask().WaitAsync(Guard);
        await _fingerprints.NextReadAsync(); // the fingerprint the chart opened with

        _clock.Advance(PushChartLiveFeed.SafetyInterval);
        Assert.Equal(1, await NextReloadAsync());
    }

    [Fact]
    public async Task An_unchanged_record_is_not_reloaded_on_the_safety_poll()
    {
        await using var watch = Feed().Watch(Patient, Reloaded);
        await _pushes.Subscribed.Reader.ReadAsync().AsTask().WaitAsync(Guard);
        await _fingerprints.NextReadAsync();

        _clock.Advance(PushChartLiveFeed.SafetyInterval);
        await _fingerprints.NextReadAsync();
        _clock.Advance(PushChartLiveFeed.SafetyInterval);
        await _fingerprints.NextReadAsync(); // the previous poll's comparison is done by now
        Assert.Equal(0, _reloadCount);
    }

    [Fact]
    public async Task When_the_push_cannot_subscribe_the_safety_poll_still_follows()
    {
        _pushes.Failure = new InvalidOperationException("no stream provider");
        _fingerprints.Answers = ["v1", "v2"];
        await using var watch = Feed().Watch(Patient, Reloaded);
        await _fingerprints.NextReadAsync();

        _clock.Advance(PushChartLiveFeed.SafetyInterval);
        Assert.Equal(1, await NextReloadAsync());
    }

    [Fact]
    public async Task A_burst_of_pushes_reloads_at_most_once_more_and_the_poll_does_not_repeat_it()
    {
        var release = new TaskCompletionSource();
        await using var watch = Feed().Watch(Patient, async () =>
        {
            await Reloaded();
            await release.Task;
        });
        var subscription = await _pushes.Subscribed.Reader.ReadAsync().AsTask().WaitAsync(Guard);
        var notice = new RecordChanged(Patient, RecordChangeKind.RecordsAppended, "4310000001", _clock.GetUtcNow(), 1, false);

        await subscription.Push(notice);
        Assert.Equal(1, await NextReloadAsync()); // busy reloading...
        for (var i = 0; i < 5; i++)
            await subscription.Push(notice); // ...while an import posts five more bundles
        release.SetResult();
        Assert.Equal(2, await NextReloadAsync());

        var reads = _fingerprints.Reads; // the opening one and one per reload
        _clock.Advance(PushChartLiveFeed.SafetyInterval);
        await _fingerprints.ReadNumberAsync(reads + 1);
        _clock.Advance(PushChartLiveFeed.SafetyInterval);
        await _fingerprints.ReadNumberAsync(reads + 2); // the previous poll's comparison is done by now
        Assert.Equal(2, _reloadCount);
    }

    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    private async Task<int> NextReloadAsync() => await _reloads.Reader.ReadAsync().AsTask().WaitAsync(Guard);

    private sealed class FakePushes : IRecordChangeSubscriber
    {
        public Exception? Failure { get; set; }
        public Channel<Subscription> Subscribed { get; } = Channel.CreateUnbounded<Subscription>();

        public Task<IAsyncDisposable> SubscribeAsync(string patientId, Func<RecordChanged, Task> changed, CancellationToken cancellationToken = default)
        {
            if (Failure is { } failure)
                return Task.FromException<IAsyncDisposable>(failure);
            var subscription = new Subscription(patientId, changed);
            Subscribed.Writer.TryWrite(subscription);
            return Task.FromResult<IAsyncDisposable>(subscription);
        }
    }

    private sealed class Subscription(string patientId, Func<RecordChanged, Task> changed) : IAsyncDisposable
    {
        public string PatientId => patientId;
        public bool Disposed { get; private set; }

        public Task Push(RecordChanged notice) => changed(notice);

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Answers in order (the last one repeats); every read is announced so a test can wait for it.</summary>
    private sealed class FakeFingerprints : IRecordFingerprintSource
    {
        private readonly Channel<int> _reads = Channel.CreateUnbounded<int>();
        private int _count;

        public string[] Answers { get; set; } = ["same"];
        public int Reads => Volatile.Read(ref _count);

        public Task<string?> ReadAsync(string patientId, CancellationToken cancellationToken = default)
        {
            var n = Interlocked.Increment(ref _count);
            var answer = Answers[Math.Min(n - 1, Answers.Length - 1)];
            _reads.Writer.TryWrite(n);
            return Task.FromResult<string?>(answer);
        }

        public async Task<int> NextReadAsync() => await _reads.Reader.ReadAsync().AsTask().WaitAsync(Guard);

        public async Task ReadNumberAsync(int n)
        {
            while (await NextReadAsync() < n)
            {
            }
        }
    }
}
