namespace KMN.Orleans.Grains.Abstractions.Hosting;

/// <summary>
/// Which cluster a silo joins or a client calls ("Cluster" configuration section, or Cluster__ClusterId
/// variables). Silos and the web client must agree on both ids.
/// </summary>
public sealed class ClusterSettings
{
    public const string Section = "Cluster";

    /// <summary>Silos with the same cluster id form one cluster.</summary>
    public string ClusterId { get; set; } = "kmn-local";

    /// <summary>Identifies the service's data (grain state, reminders) across cluster redeployments.</summary>
    public string ServiceId { get; set; } = "kmn";
}
