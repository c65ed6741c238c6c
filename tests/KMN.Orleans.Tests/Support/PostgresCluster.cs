using KMN.Orleans.Grains.Abstractions.Hosting;
using KMN.Orleans.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace KMN.Orleans.Tests.Support;

/// <summary>
/// An in-process test cluster configured exactly like a production silo: the silo's own
/// <see cref="KmnSiloBuilderExtensions.UseKmnPostgres"/> (ADO.NET clustering, grain storage and reminders on
/// PostgreSQL), real TCP between silos, and a client that finds its gateways through the membership table.
/// </summary>
public static class PostgresCluster
{
    private const string ConnectionStringKey = "KmnTest:ConnectionString";

    public static async Task<TestCluster> StartAsync(string connectionString, ClusterSettings ids, short silos)
    {
        var builder = new TestClusterBuilder(silos) { PortAllocator = new LoopbackPortAllocator() };
        builder.Options.ClusterId = ids.ClusterId;
        builder.Options.ServiceId = ids.ServiceId;
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.Options.ConfigureFileLogging = Environment.GetEnvironmentVariable("KMN_TEST_SILO_LOGS") == "1";
        builder.Properties[ConnectionStringKey] = connectionString;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Stops every silo gracefully (as a deploy would) and releases the cluster.</summary>
    public static async Task StopAsync(TestCluster cluster)
    {
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
    }

    private static string ConnectionString(IConfiguration configuration) =>
        configuration[ConnectionStringKey] ?? throw new InvalidOperationException($"{ConnectionStringKey} is not set.");

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var ids = new ClusterSettings
            {
                ClusterId = silo.Configuration["Orleans:ClusterId"]!,
                ServiceId = silo.Configuration["Orleans:ServiceId"]!,
            };
            silo.UseKmnPostgres(ids, new SiloSettings(), ConnectionString(silo.Configuration));
            // Lets the reminder tests use periods of seconds instead of the one-minute production floor.
            silo.Services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) =>
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = KmnSiloBuilderExtensions.Invariant;
                o.ConnectionString = ConnectionString(configuration);
            });
    }
}
