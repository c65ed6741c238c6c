using KMN.Orleans.Grains.Abstractions;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.Tests.Support;

namespace KMN.Orleans.Tests.Grains;

/// <summary>
/// A save that fails (database restart, timeout) must not leave the change in the activation's memory:
/// the caller's retry has to write it, not answer "unchanged" for a change that was never stored.
/// </summary>
[Collection(InMemoryClusterCollection.Name)]
public sealed class FailedSaveTests(InMemoryCluster fixture)
{
    [Fact]
    public async Task A_facility_change_whose_save_failed_is_saved_by_the_retry()
    {
        var profile = TestProfiles.Facility();
        var grain = fixture.Grains.GetGrain<IFacilityGrain>(profile.Code);
        await grain.RegisterAsync(profile);
        var changed = profile with { Status = FacilityStatus.Withdrawn };

        await fixture.FailNextSaveAsync(grain, "facility");
        var failure = await Assert.ThrowsAsync<OrleansException>(() => grain.RegisterAsync(changed));
        Assert.Equal(InMemoryCluster.InjectedFailure, failure.GetBaseException().Message);

        Assert.Equal(WriteOutcome.Updated, await grain.RegisterAsync(changed));
        await fixture.Cluster.DeactivateAsync(grain);
        Assert.Equal(changed, await grain.GetProfileAsync());
    }

    [Fact]
    public async Task A_patient_change_whose_save_failed_is_saved_by_the_retry()
    {
        var patient = TestProfiles.Patient();
        var grain = fixture.Grains.GetGrain<IPatientGrain>(patient.NetworkPatientId);
        await grain.EnrollAsync(patient);
        var changed = patient with { FamilyName = "荒木", FamilyNameKana = "アラキ" };

        await fixture.FailNextSaveAsync(grain, "patient");
        var failure = await Assert.ThrowsAsync<OrleansException>(() => grain.EnrollAsync(changed));
        Assert.Equal(InMemoryCluster.InjectedFailure, failure.GetBaseException().Message);

        Assert.Equal(WriteOutcome.Updated, await grain.EnrollAsync(changed));
        await fixture.Cluster.DeactivateAsync(grain);
        Assert.True((await grain.GetProfileAsync())?.SameAs(changed));
    }
}
