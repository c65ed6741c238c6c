using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Web.Services.Chart;

/// <summary>
/// Watches a patient's record grain by asking for its small summary and consent version every few seconds.
/// A stop-gap that needs no grain change: a grain observer (proposed to the lead) would push the same signal.
/// One cheap read-only call per open chart per interval; failures just skip a tick.
/// </summary>
public sealed class PollingChartLiveFeed(IClusterClient client, GrainCallGuard guard, TimeProvider clock, ILogger<PollingChartLiveFeed> logger)
    : IChartLiveFeed
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    private TimeProvider Clock => clock;
    private ILogger Logger => logger;

    public IAsyncDisposable Watch(string patientId, Func<Task> changed)
    {
        var watch = new Watcher(this, patientId, changed);
        watch.Start();
        return watch;
    }

    private async Task<string?> FingerprintAsync(string patientId, CancellationToken ct)
    {
        var record = client.GetGrain<IPatientRecordGrain>(patientId);
        try
        {
            var summary = await guard.RunAsync("GetSummary", () => record.GetSummaryAsync(), cancellationToken: ct);
            var consent = await guard.RunAsync("GetConsent", () => record.GetConsentAsync(), cancellationToken: ct);
            return $"{summary.ResourceRows}|{summary.LatestEffective?.UtcTicks}|{consent?.Version}|{consent?.Revoked}";
        }
        catch (ClusterUnavailableException)
        {
            return null;
        }
    }

    private sealed class Watcher(PollingChartLiveFeed feed, string patientId, Func<Task> changed) : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private Task _loop = Task.CompletedTask;

        public void Start() => _loop = Task.Run(LoopAsync);

        private async Task LoopAsync()
        {
            var ct = _stop.Token;
            try
            {
                var last = await feed.FingerprintAsync(patientId, ct);
                using var timer = new PeriodicTimer(Interval, feed.Clock);
                while (await timer.WaitForNextTickAsync(ct))
                {
                    var now = await feed.FingerprintAsync(patientId, ct);
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
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _loop;
            _stop.Dispose();
        }
    }
}
