using Orleans.Runtime;

namespace KMN.Orleans.Web.Services;

/// <summary>Cluster health for /health/ready and the operations page, through IManagementGrain.</summary>
public sealed class ClusterHealthService(IClusterClient client, GrainCallGuard guard)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    private IManagementGrain Management => client.GetGrain<IManagementGrain>(0);

    public async Task<ClusterProbe> ProbeAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await guard.RunAsync("GetHosts", () => Management.GetHosts(onlyActive: true), ProbeTimeout, cancellationToken);
            return hosts.Count > 0
                ? new ClusterProbe(true, "connected", hosts.Count, null)
                : new ClusterProbe(false, "no-active-silo", 0, "No silo is active.");
        }
        catch (ClusterUnavailableException ex)
        {
            var state = ex.Reason == ClusterUnavailableReason.Connecting ? "connecting" : "unreachable";
            return new ClusterProbe(false, state, 0, ex.Message);
        }
    }

    /// <summary>Every silo in the membership table, dead ones included, active first.</summary>
    public async Task<IReadOnlyList<SiloRow>> ListSilosAsync()
    {
        var entries = await guard.RunAsync("GetDetailedHosts", () => Management.GetDetailedHosts(onlyActive: false));
        return entries.Select(SiloRow.From)
            .OrderByDescending(s => s.IsActive)
            .ThenByDescending(s => s.StartTimeUtc)
            .ToList();
    }

    /// <summary>Activation counts of the active silos, summed per grain type, largest first.</summary>
    public async Task<IReadOnlyList<GrainActivationCount>> CountActivationsAsync()
    {
        var stats = await guard.RunAsync("GetSimpleGrainStatistics", () => Management.GetSimpleGrainStatistics());
        return stats.GroupBy(s => s.GrainType)
            .Select(g => new GrainActivationCount(g.Key, g.Sum(s => s.ActivationCount), g.Select(s => s.SiloAddress).Distinct().Count()))
            .OrderByDescending(c => c.Activations)
            .ThenBy(c => c.GrainType, StringComparer.Ordinal)
            .ToList();
    }
}
