using KMN.Orleans.Grains.Abstractions.Hosting;
using KMN.Orleans.TestSupport;
using KMN.Orleans.Tests.Support;
using Orleans.TestingHost;

namespace KMN.Orleans.Tests.Postgres;

/// <summary>
/// A throwaway PostgreSQL (session TimeZone Asia/Tokyo, see <see cref="PostgresServer"/>) with a database
/// migrated by <see cref="KMN.Orleans.Grains.Persistence.SchemaMigrator"/>, and one single-silo cluster on
/// it that the contract tests share. Missing PostgreSQL binaries fail the whole collection loudly.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private TestCluster? _cluster;

    public PostgresServer Server { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";
    public IReadOnlyList<int> FirstMigration { get; private set; } = [];
    public ClusterSettings ClusterIds { get; } = new() { ClusterId = "kmn-contract", ServiceId = "kmn-contract" };

    /// <summary>Taken just before the shared cluster started: every timestamp it writes must be later.</summary>
    public DateTime ClusterStartedAfterUtc { get; private set; }

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("The fixture did not start.");

    public async Task InitializeAsync()
    {
        Server = await PostgresServer.StartAsync();
        await Server.CreateDatabaseAsync("kmn_contract");
        ConnectionString = Server.ConnectionString("kmn_contract");
        FirstMigration = await MigratedDatabase.MigrateAsync(ConnectionString);
        ClusterStartedAfterUtc = DateTime.UtcNow;
        _cluster = await PostgresCluster.StartAsync(ConnectionString, ClusterIds, silos: 1);
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
            await PostgresCluster.StopAsync(_cluster);
        if (Server is not null)
            await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
