using KMN.Orleans.Grains.Abstractions;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Network;
using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.Tests.Probes;

namespace KMN.Orleans.Tests.Postgres;

/// <summary>The durability requirement: nothing written before a full cluster restart is lost.</summary>
public sealed class StateSurvivesClusterRestartTests(ClusterRestartScenario scenario) : IClassFixture<ClusterRestartScenario>
{
    private IGrainFactory Grains => scenario.Restarted.Client;

    [Fact]
    public async Task The_facility_registered_before_the_restart_is_read_back()
    {
        Assert.Equal(scenario.Facility, await Grains.GetGrain<IFacilityGrain>(scenario.Facility.Code).GetProfileAsync());
    }

    [Fact]
    public async Task The_patient_enrolled_before_the_restart_is_read_back()
    {
        var profile = await Grains.GetGrain<IPatientGrain>(scenario.Patient.NetworkPatientId).GetProfileAsync();

        Assert.NotNull(profile);
        Assert.True(profile.SameAs(scenario.Patient), $"read back {profile}");
    }

    [Fact]
    public async Task Writes_after_the_restart_continue_from_the_stored_version()
    {
        var grain = Grains.GetGrain<IFacilityGrain>(scenario.Facility.Code);
        var renamed = scenario.Facility with { Name = "再起動後クリニック" };

        Assert.Equal(WriteOutcome.Unchanged, await grain.RegisterAsync(scenario.Facility));
        Assert.Equal(WriteOutcome.Updated, await grain.RegisterAsync(renamed));
        Assert.Equal(WriteOutcome.Updated, await grain.RegisterAsync(scenario.Facility));
    }

    [Fact]
    public async Task The_directory_projection_still_counts_what_was_written()
    {
        var counts = await Grains.GetGrain<INetworkDirectoryGrain>(0).GetCountsAsync();

        Assert.Equal(new NetworkCounts(1, 1), counts);
    }

    [Fact]
    public async Task A_reminder_registered_before_the_restart_fires_in_the_new_cluster()
    {
        var tick = await scenario.TickAfterRestart.WaitAsync(TimeSpan.FromSeconds(90));

        var newSilos = scenario.Restarted.Silos.Select(s => s.SiloAddress.ToString()).ToHashSet();
        Assert.Contains(tick.Silo, newSilos);
        Assert.DoesNotContain(tick.Silo, scenario.FirstClusterSilos);
        // Persisted through the grain storage before the signal; and nothing fired before the restart.
        var ticks = await Grains.GetGrain<IReminderProbeGrain>(scenario.ProbeKey).GetTicksAsync();
        Assert.Contains(tick, ticks);
        Assert.All(ticks, t => Assert.Contains(t.Silo, newSilos));
    }
}
