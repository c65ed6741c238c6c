namespace KMN.Orleans.Web.Hosting;

/// <summary>
/// The default filter gives up after a few attempts, which stops the whole web host. Silos may start after
/// the web (or the database may be down), so we keep trying with a capped backoff and log each miss.
/// </summary>
public sealed class RetryForeverConnectionFilter(ClusterConnectionState state, ILogger<RetryForeverConnectionFilter> logger)
    : IClientConnectionRetryFilter
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);
    private int _attempt;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
            return false;
        var attempt = Interlocked.Increment(ref _attempt);
        var delay = TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, attempt * 2));
        state.RecordFailedAttempt(exception.GetBaseException().Message);
        logger.LogWarning("Cluster connection attempt {Attempt} failed: {Reason}. Retrying in {Delay}.",
            attempt, exception.GetBaseException().Message, delay);
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        return true;
    }
}
