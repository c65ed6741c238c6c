using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Hosting;
using KMN.Orleans.Grains.Access;
using KMN.Orleans.Silo.Hosting;
using KMN.Orleans.TestSupport;
using KMN.Orleans.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace KMN.Orleans.Tests.Access;

/// <summary>
/// Two silos configured like production (<see cref="KmnSiloBuilderExtensions.UseKmnPostgres"/>) on a throwaway
/// PostgreSQL, with break-the-glass shortened to <see cref="BreakGlassDuration"/> so expiry is testable, and a
/// client that can subscribe to the live alert streams. The access tests share it and use fresh keys.
/// </summary>
public sealed class AccessFixture : IAsyncLifetime
{
    public static readonly TimeSpan BreakGlassDuration = TimeSpan.FromSeconds(6);
    private const string ConnectionStringKey = "KmnTest:ConnectionString";

    public PostgresServer Server { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";
    public NpgsqlDataSource Database { get; private set; } = null!;
    public TestCluster Cluster { get; private set; } = null!;
    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The grain factory inside silo <paramref name="index"/>: stateless workers called from it run on that silo.</summary>
    public IGrainFactory SiloGrains(int index) =>
        ((InProcessSiloHandle)Cluster.Silos[index]).SiloHost.Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        Server = await PostgresServer.StartAsync();
        ConnectionString = await MigratedDatabase.CreateAsync(Server, "kmn_access");
        Database = NpgsqlDataSource.Create(ConnectionString);
        var builder = new TestClusterBuilder(2) { PortAllocator = new LoopbackPortAllocator() };
        builder.Options.ClusterId = "kmn-access";
        builder.Options.ServiceId = "kmn-access";
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.Options.ConfigureFileLogging = false;
        builder.Properties[ConnectionStringKey] = ConnectionString;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }
        if (Database is not null)
            await Database.DisposeAsync();
        if (Server is not null)
            await Server.DisposeAsync();
    }

    public async Task<long> CountAsync(string sqlFromWhere, params object[] parameters)
    {
        await using var command = Database.CreateCommand($"SELECT count(*) FROM {sqlFromWhere}");
        foreach (var p in parameters)
            command.Parameters.AddWithValue(p);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string ConnectionStringOf(IConfiguration configuration) => configuration[ConnectionStringKey]!;

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var ids = new ClusterSettings { ClusterId = silo.Configuration["Orleans:ClusterId"]!, ServiceId = silo.Configuration["Orleans:ServiceId"]! };
            silo.UseKmnPostgres(ids, new SiloSettings(), ConnectionStringOf(silo.Configuration));
            silo.Services.Configure<AccessOptions>(o => o.BreakGlassDuration = BreakGlassDuration);
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) =>
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = KmnSiloBuilderExtensions.Invariant;
                o.ConnectionString = ConnectionStringOf(configuration);
            }).AddMemoryStreams(AccessStreams.Provider);
    }
}

[CollectionDefinition(Name)]
public sealed class AccessCollection : ICollectionFixture<AccessFixture>
{
    public const string Name = "Access (PostgreSQL, two silos)";
}
