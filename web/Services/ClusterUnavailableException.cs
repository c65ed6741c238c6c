namespace KMN.Orleans.Web.Services;

/// <summary>Why a page could not get an answer from the cluster; pages show a message per reason.</summary>
public enum ClusterUnavailableReason
{
    /// <summary>The client has not finished its first connection (no silo up yet, or the database is down).</summary>
    Connecting,

    /// <summary>The client was connected but the call failed or timed out (silos down or restarting).</summary>
    Unreachable,
}

/// <summary>The one exception type pages catch: the cluster did not answer, for a known reason.</summary>
public sealed class ClusterUnavailableException(ClusterUnavailableReason reason, string detail, Exception? inner = null)
    : Exception(detail, inner)
{
    public ClusterUnavailableReason Reason { get; } = reason;
}
