using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Demo;
using Microsoft.Extensions.Options;

namespace KMN.Orleans.Silo.Hosting;

/// <summary>
/// Asks the demo grain to load the demo network once the silo is up, then the demo access grain for its
/// consents and sharing settings. Every silo asks; each grain runs one load and answers the rest, so no
/// duplicates whatever the number of silos or restarts.
/// </summary>
public sealed class DemoNetworkLoader(IGrainFactory grains, IOptions<DemoSettings> options, ILogger<DemoNetworkLoader> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var demo = options.Value;
        if (!demo.Enabled)
            return;
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var report = await grains.GetGrain<IDemoNetworkGrain>("kumamoto")
                    .EnsureLoadedAsync(new DemoNetworkSpec(demo.Seed, demo.Patients));
                logger.LogInformation("Demo network ready ({State}): {Facilities} facilities, {Patients} patients",
                    report.AlreadyLoaded ? "already loaded" : "loaded now", report.Facilities, report.Patients);
                var consented = await grains.GetGrain<IDemoAccessGrain>("kumamoto")
                    .EnsureLoadedAsync(new DemoNetworkSpec(demo.Seed, demo.Patients));
                logger.LogInformation("Demo consents and sharing settings ready: {Consented} patients with a consent", consented);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                var delay = TimeSpan.FromSeconds(Math.Min(30, attempt * 2));
                logger.LogWarning(ex, "Demo network load attempt {Attempt} failed; retrying in {Delay}", attempt, delay);
                await Task.Delay(delay, stoppingToken);
            }
        }
    }
}
