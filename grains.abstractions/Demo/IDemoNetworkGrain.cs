namespace KMN.Orleans.Grains.Abstractions.Demo;

/// <summary>
/// Loads the seeded demo network once. The grain remembers a finished load, so restarts and re-runs of
/// deploy/up.sh neither duplicate nor reload it; an interrupted load resumes idempotently.
/// </summary>
[Alias("kmn.IDemoNetworkGrain")]
public interface IDemoNetworkGrain : IGrainWithStringKey
{
    [Alias("EnsureLoaded")]
    Task<DemoLoadReport> EnsureLoadedAsync(DemoNetworkSpec spec);

    [Alias("GetReport")]
    Task<DemoLoadReport?> GetReportAsync();
}
