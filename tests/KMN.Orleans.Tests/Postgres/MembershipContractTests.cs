using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KMN.Orleans.Tests.Postgres;

/// <summary>
/// Membership (§9.1, §9.4, §9.5): the silo joins, a client finds it through the gateway query, and times are
/// stored as true UTC instants although the server's session TimeZone is Asia/Tokyo (nine hours off).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MembershipContractTests(PostgresFixture fixture)
{
    [Fact]
    public async Task The_test_server_session_time_zone_is_not_UTC()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SHOW TimeZone", connection);

        Assert.Equal("Asia/Tokyo", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Stored_silo_times_are_utc_now_not_shifted_by_the_session_time_zone()
    {
        var rows = await ActiveSiloTimesAsync();

        var (startTime, aliveTime) = Assert.Single(rows);
        var earliest = fixture.ClusterStartedAfterUtc.AddSeconds(-5);
        var latest = DateTime.UtcNow.AddSeconds(5);
        Assert.InRange(startTime, earliest, latest);
        Assert.InRange(aliveTime, earliest, latest);
    }

    [Fact]
    public async Task The_provider_reads_back_the_same_utc_times()
    {
        var table = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IMembershipTable>();

        var data = await table.ReadAllAsync(CancellationToken.None);

        var active = Assert.Single(data.Members, m => m.Item1.Status == SiloStatus.Active).Item1;
        var earliest = fixture.ClusterStartedAfterUtc.AddSeconds(-5);
        Assert.InRange(active.StartTime, earliest, DateTime.UtcNow.AddSeconds(5));
        Assert.InRange(active.IAmAliveTime, earliest, DateTime.UtcNow.AddSeconds(5));
        Assert.True(data.Version.Version > 0);
    }

    [Fact]
    public async Task A_client_that_found_the_gateway_through_the_table_reaches_grains()
    {
        // The fixture's client uses ADO.NET clustering only: this call travels through GatewaysQueryKey's answer.
        var facility = TestProfiles.Facility();

        await fixture.Cluster.Client.GetGrain<IFacilityGrain>(facility.Code).RegisterAsync(facility);

        Assert.Equal(facility, await fixture.Cluster.Client.GetGrain<IFacilityGrain>(facility.Code).GetProfileAsync());
    }

    private async Task<List<(DateTime Start, DateTime Alive)>> ActiveSiloTimesAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT start_time, i_am_alive_time FROM orleans_silo WHERE deployment_id = $1 AND status = 3", connection);
        command.Parameters.AddWithValue(fixture.ClusterIds.ClusterId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(DateTime, DateTime)>();
        while (await reader.ReadAsync())
            rows.Add((reader.GetDateTime(0), reader.GetDateTime(1)));
        return rows;
    }
}
