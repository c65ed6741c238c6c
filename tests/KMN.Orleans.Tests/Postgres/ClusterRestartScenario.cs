using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Hosting;
using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.TestSupport;
using KMN.Orleans.Tests.Probes;
using KMN.Orleans.Tests.Support;
using Orleans.TestingHost;

namespace KMN.Orleans.Tests.Postgres;

/// <summary>
/// The durability scenario, run once for the tests that inspect it: a 2-silo cluster on PostgreSQL writes a
/// facility, a patient and a probe grain's state and arms a reminder; every silo stops; a new 2-silo cluster
/// with the same ServiceId (and ClusterId, as a redeploy would) starts on the same database.
/// </summary>
public sealed class ClusterRestartScenario : IAsyncLifetime
{
    /// <summary>Long enough that the first cluster has stopped before the first tick is due.</summary>
    public static readonly TimeSpan ReminderDue = TimeSpan.FromSeconds(8);
    public static readonly TimeSpan ReminderPeriod = TimeSpan.FromSeconds(2);

    private PostgresServer? _server;

    public ClusterSettings Ids { get; } = new() { ClusterId = "kmn-restart", ServiceId = "kmn-restart" };
    public string ConnectionString { get; private set; } = "";
    public FacilityProfile Facility { get; } = TestProfiles.Facility();
    public PatientProfile Patient { get; private set; } = null!;
    public string ProbeKey { get; } = $"probe-{Guid.NewGuid():N}";
    public HashSet<string> FirstClusterSilos { get; } = [];

    /// <summary>Completes with the first reminder tick delivered after every first-cluster silo stopped.</summary>
    public Task<ReminderTick> TickAfterRestart { get; private set; } = Task.FromException<ReminderTick>(new InvalidOperationException("not started"));
    public TestCluster Restarted { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        ConnectionString = await MigratedDatabase.CreateAsync(_server, "kmn_restart");
        Patient = TestProfiles.Patient(facilityCode: Facility.Code);

        var first = await PostgresCluster.StartAsync(ConnectionString, Ids, silos: 2);
        try
        {
            FirstClusterSilos.UnionWith(first.Silos.Select(s => s.SiloAddress.ToString()));
            await first.Client.GetGrain<IFacilityGrain>(Facility.Code).RegisterAsync(Facility);
            await first.Client.GetGrain<IPatientGrain>(Patient.NetworkPatientId).EnrollAsync(Patient);
            await first.Client.GetGrain<IReminderProbeGrain>(ProbeKey).ArmAsync(ReminderDue, ReminderPeriod);
        }
        finally
        {
            await PostgresCluster.StopAsync(first);
        }

        TickAfterRestart = ReminderSignals.Expect(ProbeKey);
        Restarted = await PostgresCluster.StartAsync(ConnectionString, Ids, silos: 2);
    }

    public async Task DisposeAsync()
    {
        if (Restarted is not null)
            await PostgresCluster.StopAsync(Restarted);
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
