namespace KMN.Orleans.Web.Hosting;

/// <summary>
/// Whether the Orleans client has finished its first connection. Grain calls before that point fail in
/// unhelpful ways, so the services check this first and report "connecting" instead.
/// </summary>
public sealed class ClusterConnectionState : ILifecycleParticipant<IClusterClientLifecycle>
{
    private volatile bool _connected;
    private volatile string? _lastFailure;

    public bool IsConnected => _connected;

    /// <summary>Why the last connection attempt failed, while still connecting.</summary>
    public string? LastFailure => _lastFailure;

    public void RecordFailedAttempt(string reason) => _lastFailure = reason;

    public void Participate(IClusterClientLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ClusterConnectionState), ServiceLifecycleStage.Active,
            _ =>
            {
                _connected = true;
                _lastFailure = null;
                return Task.CompletedTask;
            },
            _ =>
            {
                _connected = false;
                return Task.CompletedTask;
            });
}
