using System.Net;
using KMN.Orleans.Grains;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace KMN.Orleans.Silo.Hosting;

/// <summary>
/// Everything that makes a KMN silo: ADO.NET clustering, grain storage and reminders on PostgreSQL
/// (the OrleansQuery rows come from deploy/sql), endpoints from settings, and the dashboard collectors.
/// Shared by the silo host and the PostgreSQL integration tests so both run the same configuration.
/// </summary>
public static class KmnSiloBuilderExtensions
{
    public const string Invariant = "Npgsql";

    public static ISiloBuilder UseKmnPostgres(
        this ISiloBuilder silo, ClusterSettings cluster, SiloSettings settings, string connectionString)
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorage(StorageNames.State, o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = settings.ProbeTimeout;
            o.NumMissedProbesLimit = 3;
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
            // Dead silos stay visible on the operations page for a while, then leave the table.
            o.DefunctSiloExpiration = TimeSpan.FromHours(1);
            o.DefunctSiloCleanupPeriod = TimeSpan.FromMinutes(10);
        });
        silo.Services.AddKmnPostgres(connectionString);
        // Live break-the-glass alerts (issue 5): memory streams are enough, the audit rows are the durable truth.
        silo.AddMemoryStreams(AccessStreams.Provider).AddMemoryGrainStorage("PubSubStore");
        return silo;
    }

    public static ISiloBuilder UseKmnEndpoints(this ISiloBuilder silo, SiloSettings settings)
    {
        if (settings.Kubernetes)
        {
            silo.UseKubernetesHosting();
            return silo;
        }
        silo.ConfigureEndpoints(IPAddress.Parse(settings.AdvertisedIP), settings.SiloPort, settings.GatewayPort,
            listenOnAnyHostAddress: settings.ListenOnAnyHostAddress);
        return silo;
    }

    /// <summary>Every silo must collect dashboard data; the web app hosts the dashboard UI.</summary>
    public static ISiloBuilder UseKmnDashboard(this ISiloBuilder silo) => silo.AddDashboard();
}
