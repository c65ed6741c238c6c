using KMN.Orleans.Grains.Abstractions.Hosting;
using KMN.Orleans.Grains.Persistence;

namespace KMN.Orleans.Silo.Hosting;

/// <summary>Builds the Orleans host for this process from the outer host's configuration.</summary>
public static class OrleansHostFactory
{
    public static IHost Build(IConfiguration configuration)
    {
        var settings = configuration.GetSection(SiloSettings.Section).Get<SiloSettings>() ?? new SiloSettings();
        var cluster = configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = database.EffectiveConnectionString();

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddConfiguration(configuration);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.Configure<DemoSettings>(configuration.GetSection(DemoSettings.Section));
        builder.UseOrleans(silo => silo
            .UseKmnPostgres(cluster, settings, connectionString)
            .UseKmnEndpoints(settings)
            .UseKmnDashboard());
        builder.Services.AddHostedService<DemoNetworkLoader>();
        builder.Services.AddHostedService<DemoStaffLoader>();
        return builder.Build();
    }
}
