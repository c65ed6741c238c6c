using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Hosting;
using KMN.Orleans.TestSupport;
using KMN.Orleans.Tests.Support;

namespace KMN.Orleans.Tests.Postgres;

/// <summary>PostgreSQL itself restarts (its own server, so the shared one is never disturbed): the data stays.</summary>
public sealed class PostgresRestartTests
{
    private static readonly ClusterSettings Ids = new() { ClusterId = "kmn-pg-restart", ServiceId = "kmn-pg-restart" };

    [Fact]
    public async Task State_written_before_a_database_restart_is_read_by_a_new_cluster_after_it()
    {
        await using var server = await PostgresServer.StartAsync();
        var connectionString = await MigratedDatabase.CreateAsync(server, "kmn_pg_restart");
        var facility = TestProfiles.Facility();

        var before = await PostgresCluster.StartAsync(connectionString, Ids, silos: 1);
        try
        {
            await before.Client.GetGrain<IFacilityGrain>(facility.Code).RegisterAsync(facility);
        }
        finally
        {
            await PostgresCluster.StopAsync(before);
        }
        await server.StopAsync();
        await server.StartAgainAsync();
        PooledConnections.ForgetAll(connectionString);

        var after = await PostgresCluster.StartAsync(connectionString, Ids, silos: 1);
        try
        {
            Assert.Equal(facility, await after.Client.GetGrain<IFacilityGrain>(facility.Code).GetProfileAsync());
        }
        finally
        {
            await PostgresCluster.StopAsync(after);
        }
    }
}
