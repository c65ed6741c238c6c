using System.Threading.Channels;

namespace KMN.Orleans.Web.Services.Chart;

/// <summary>
/// Live chart updates pushed by the patient's record grain (an upload, a consent change), with a slow safety
/// poll of the record's fingerprint in case a push is lost (memory streams are best effort, and the web may
/// reconnect to the cluster). Bursts of pushes (an import posts many bundles) coalesce into one reload at a time.
/// </summary>
public sealed class PushChartLiveFeed(IRecordChangeSubscriber pushes, IRecordFingerprintSource fingerprints, TimeProvider clock,
    ILogger<PushChartLiveFeed> logger) : IChartLiveFeed
{
    public static readonly TimeSpan SafetyInterval = TimeSpan.FromSeconds(30);

    private IRecordChangeSubscriber Pushes => pushes;
    private IRecordFingerprintSource Fingerprints => fingerprints;
    private TimeProvider Clock => clock;
    private ILogger Logger => logger;

    public IAsyncDisposable Watch(string patientId, Func<Task> changed)
    {
        var watcher = new ChartWatcher(this, patientId, changed);
        watcher.Start();
        return watcher;
    }

    private sealed class ChartWatcher(PushChartLiveFeed feed, string patientId, Func<Task> changed) : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Channel<bool> _pushed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        private Task _loop = Task.CompletedTask;

        public void Start() => _loop = Task.Run(LoopAsync);

        private async Task LoopAsync()
        {
            var ct = _stop.Token;
            // Created first, so the safety interval counts from the moment the chart opened.
            using var timer = new PeriodicTimer(SafetyInterval, feed.Clock);
            var subscription = await SubscribeAsync(ct);
            try
            {
                var last = await feed.Fingerprints.ReadAsync(patientId, ct);
                var tick = timer.WaitForNextTickAsync(ct).AsTask();
                var push = _pushed.Reader.WaitToReadAsync(ct).AsTask();
                while (true)
                {
                    if (await Task.WhenAny(tick, push) == push)
                    {
                        await push;
                        _pushed.Reader.TryRead(out _);
                        push = _pushed.Reader.WaitToReadAsync(ct).AsTask();
                        // Remember what this reload will show, so the next safety poll does not reload again.
                        last = await feed.Fingerprints.ReadAsync(patientId, ct) ?? last;
                        await changed();
                        continue;
                    }
                    if (!await tick)
                        return;
                    tick = timer.WaitForNextTickAsync(ct).AsTask();
                    var now = await feed.Fingerprints.ReadAsync(patientId, ct);
                    if (now is null || now == last)
                        continue;
                    last = now;
                    await changed();
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                feed.Logger.LogWarning(ex, "Live updates for patient {PatientId} stopped", patientId);
            }
            finally
            {
                await UnsubscribeAsync(subscription);
            }
        }

        /// <summary>Without the push (cluster briefly away) the chart still follows on the safety poll.</summary>
        private async Task<IAsyncDisposable?> SubscribeAsync(CancellationToken ct)
        {
            try
            {
                return await feed.Pushes.SubscribeAsync(patientId, _ =>
                {
                    _pushed.Writer.TryWrite(true);
                    return Task.CompletedTask;
                }, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                feed.Logger.LogWarning(ex, "No live push for patient {PatientId}; polling every {Interval}", patientId, SafetyInterval);
                return null;
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        private async Task UnsubscribeAsync(IAsyncDisposable? subscription)
        {
            if (subscription is null)
                return;
            try
            {
                await subscription.DisposeAsync();
            }
            catch (Exception ex)
            {
                feed.Logger.LogInformation(ex, "Unsubscribing the live push for patient {PatientId} failed", patientId);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _loop;
            _stop.Dispose();
        }
    }
}
