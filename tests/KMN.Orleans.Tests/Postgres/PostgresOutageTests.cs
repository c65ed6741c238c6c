using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Hosting;
using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.TestSupport;
using KMN.Orleans.Tests.Support;

namespace KMN.Orleans.Tests.Postgres;

/// <summary>
/// Silos keep running while PostgreSQL restarts. Connections pooled before the restart fail once each, so
/// the first calls fail and callers retry; the retried writes must then really reach the database.
/// </summary>
public sealed class PostgresOutageTests
{
    private static readonly ClusterSettings Ids = new() { ClusterId = "kmn-pg-outage", ServiceId = "kmn-pg-outage" };

    [Fact]
    public async Task A_running_cluster_writes_again_once_the_database_is_back_and_the_writes_are_durable()
    {
        await using var server = await PostgresServer.StartAsync();
        var connectionString = await MigratedDatabase.CreateAsync(server, "kmn_pg_outage");
        var facility = TestProfiles.Facility();
        var patient = TestProfiles.Patient(facilityCode: facility.Code);
        var suspended = facility with { Status = FacilityStatus.Suspended };
        var renamed = patient with { GivenName = "花", GivenNameKana = "ハナ" };

        var cluster = await PostgresCluster.StartAsync(connectionString, Ids, silos: 1);
        try
        {
            var facilityGrain = cluster.Client.GetGrain<IFacilityGrain>(facility.Code);
            var patientGrain = cluster.Client.GetGrain<IPatientGrain>(patient.NetworkPatientId);
            await facilityGrain.RegisterAsync(facility);
            await patientGrain.EnrollAsync(patient);

            await server.StopAsync();
            await server.StartAgainAsync();

            await Retry.UntilSucceedsAsync(() => facilityGrain.RegisterAsync(suspended), TimeSpan.FromSeconds(60));
            await Retry.UntilSucceedsAsync(() => patientGrain.EnrollAsync(renamed), TimeSpan.FromSeconds(60));
        }
        finally
        {
            await PostgresCluster.StopAsync(cluster);
        }

        // Read through a new cluster: the writes must be in the database, not only in the old activations.
        PooledConnections.ForgetAll(connectionString);
        var next = await PostgresCluster.StartAsync(connectionString, Ids, silos: 1);
        try
        {
            Assert.Equal(suspended, await next.Client.GetGrain<IFacilityGrain>(facility.Code).GetProfileAsync());
            var stored = await next.Client.GetGrain<IPatientGrain>(patient.NetworkPatientId).GetProfileAsync();
            Assert.True(stored?.SameAs(renamed), $"stored patient: {stored}");
        }
        finally
        {
            await PostgresCluster.StopAsync(next);
        }
    }
}
