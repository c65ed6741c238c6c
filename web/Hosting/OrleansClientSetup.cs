using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace KMN.Orleans.Web.Hosting;

/// <summary>
/// The web is an Orleans client: it finds the silos' gateways in the PostgreSQL membership table
/// (same ClusterId/ServiceId as the silos) and hosts the Orleans Dashboard UI the silos feed.
/// </summary>
public static class OrleansClientSetup
{
    public const string Invariant = "Npgsql";
    public const string ConnectionStringKey = "Database:ConnectionString";

    public static WebApplicationBuilder AddKmnOrleansClient(this WebApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        var connectionString = builder.Configuration[ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                "Database:ConnectionString is not set (env var Database__ConnectionString). The web finds the cluster through PostgreSQL.");

        builder.Services.AddSingleton(cluster);
        builder.Services.AddSingleton<ClusterConnectionState>();

        // The client connects inside a hosted service that only returns once a gateway answers. Starting hosted
        // services concurrently lets Kestrel listen meanwhile, so /health/ready can say 503 instead of nothing.
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);

        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
            });
            // Re-read the gateway list often so a restarted cluster (new silos, new generations) is found quickly.
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(10));
            client.Services.AddSingleton<IClientConnectionRetryFilter, RetryForeverConnectionFilter>();
            client.Services.AddSingleton<ILifecycleParticipant<IClusterClientLifecycle>>(
                sp => sp.GetRequiredService<ClusterConnectionState>());
            client.AddDashboard();
            // Live pushes (break-glass alerts, record changes, access-log entries) come through the silos'
            // memory stream provider; the client needs the same provider name to subscribe.
            client.AddMemoryStreams(AccessStreams.Provider);
        });
        return builder;
    }
}
