namespace KMN.Orleans.Web.Services;

/// <summary>The answer of the readiness probe: can this web process call the cluster right now?</summary>
public sealed record ClusterProbe(bool Ready, string Cluster, int ActiveSilos, string? Detail);
