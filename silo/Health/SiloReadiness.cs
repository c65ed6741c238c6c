using Orleans.Runtime;

namespace KMN.Orleans.Silo.Health;

/// <summary>Ready means: this silo is Active in the cluster's membership and PostgreSQL answers.</summary>
public sealed class SiloReadiness
{
    private volatile IServiceProvider? _silo;

    public void Attach(IServiceProvider siloServices) => _silo = siloServices;
    public void Detach() => _silo = null;

    public SiloState Current()
    {
        if (_silo is not { } services)
            return new SiloState("starting", null, null);
        var membership = services.GetRequiredService<IClusterMembershipService>();
        var local = services.GetRequiredService<ILocalSiloDetails>();
        var status = membership.CurrentSnapshot.GetSiloStatus(local.SiloAddress);
        return new SiloState(status.ToString(), local.SiloAddress.ToString(), local.Name);
    }

    public bool IsActive => _silo is not null && Current().Status == nameof(SiloStatus.Active);
}

public sealed record SiloState(string Status, string? Address, string? Name);
