using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Demo;
using KMN.Orleans.Grains.Pki;
using Microsoft.Extensions.Options;

namespace KMN.Orleans.Silo.Hosting;

/// <summary>
/// With the demo on and Demo:StaffManifest pointing at the PKI tool's demo-staff.json, asks the demo staff
/// grain to load the demo accounts and bind their cards. Every silo asks; the grain loads once.
/// </summary>
public sealed class DemoStaffLoader(IGrainFactory grains, IOptions<DemoSettings> options, IConfiguration configuration,
    ILogger<DemoStaffLoader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var demo = options.Value;
        var manifest = configuration["Demo:StaffManifest"];
        if (!demo.Enabled || string.IsNullOrWhiteSpace(manifest))
            return;
        if (!File.Exists(manifest))
        {
            logger.LogWarning("Demo staff manifest {Manifest} not found; no demo accounts loaded", manifest);
            return;
        }
        var staff = DemoPki.ReadManifest(manifest).ToImmutableArray();
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var report = await grains.GetGrain<IDemoStaffGrain>("kumamoto")
                    .EnsureLoadedAsync(new DemoNetworkSpec(demo.Seed, demo.Patients), staff);
                logger.LogInformation("Demo staff ready ({State}): {Accounts} accounts with cards",
                    report.AlreadyLoaded ? "already loaded" : "loaded now", report.Accounts);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                var delay = TimeSpan.FromSeconds(Math.Min(30, attempt * 2));
                logger.LogWarning(ex, "Demo staff load attempt {Attempt} failed; retrying in {Delay}", attempt, delay);
                await Task.Delay(delay, stoppingToken);
            }
        }
    }
}
