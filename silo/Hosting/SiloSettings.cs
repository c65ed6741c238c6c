namespace KMN.Orleans.Silo.Hosting;

/// <summary>Settings of one silo, bound from the "Silo" configuration section (or Silo__X variables).</summary>
public sealed class SiloSettings
{
    public const string Section = "Silo";

    /// <summary>The address other silos and clients use to reach this silo.</summary>
    public string AdvertisedIP { get; set; } = "127.0.0.1";

    /// <summary>Silo-to-silo port. Each silo on one machine needs its own.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port. Each silo on one machine needs its own.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Listen on every interface instead of the advertised address only (containers).</summary>
    public bool ListenOnAnyHostAddress { get; set; }

    /// <summary>Use pod metadata for endpoints and cluster ids (Microsoft.Orleans.Hosting.Kubernetes).</summary>
    public bool Kubernetes { get; set; }

    /// <summary>How long a dead silo may go unnoticed: probes every second, three misses declare it dead.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
