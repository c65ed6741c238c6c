using KMN.Orleans.Web.Hosting;

namespace KMN.Orleans.Web.Services;

/// <summary>
/// Runs a grain call with a short timeout and turns transport failures into
/// <see cref="ClusterUnavailableException"/>, so a page shows a message instead of hanging or crashing.
/// Errors that are not about reaching the cluster (bugs) still surface as themselves.
/// </summary>
public sealed class GrainCallGuard(ClusterConnectionState connection, ILogger<GrainCallGuard> logger)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    public async Task<T> RunAsync<T>(string operation, Func<Task<T>> call, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        if (!connection.IsConnected)
            throw new ClusterUnavailableException(ClusterUnavailableReason.Connecting,
                connection.LastFailure ?? "The cluster client is still connecting.");
        try
        {
            return await call().WaitAsync(timeout ?? DefaultTimeout, cancellationToken);
        }
        catch (Exception ex) when (IsClusterFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("{Operation} failed: {Reason}", operation, ex.GetBaseException().Message);
            throw new ClusterUnavailableException(ClusterUnavailableReason.Unreachable, ex.GetBaseException().Message, ex);
        }
    }

    private static bool IsClusterFailure(Exception ex) =>
        ex is OrleansException or TimeoutException or InvalidOperationException or ObjectDisposedException;
}
