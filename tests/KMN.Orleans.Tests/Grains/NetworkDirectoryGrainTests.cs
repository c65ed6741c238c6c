using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Network;
using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.Tests.Support;

namespace KMN.Orleans.Tests.Grains;

[Collection(InMemoryClusterCollection.Name)]
public sealed class NetworkDirectoryGrainTests(InMemoryCluster fixture)
{
    private INetworkDirectoryGrain Directory => fixture.Grains.GetGrain<INetworkDirectoryGrain>(0);

    [Fact]
    public async Task Counts_grow_with_new_registrations_and_not_with_repeated_ones()
    {
        var before = await Directory.GetCountsAsync();
        var pharmacy = TestProfiles.Facility(TestKeys.NextFacilityCode(feeTable: 4), FacilityKind.Pharmacy);
        var clinic = TestProfiles.Facility();
        var patient = TestProfiles.Patient(facilityCode: clinic.Code);

        foreach (var facility in new[] { pharmacy, clinic, clinic })
            await fixture.Grains.GetGrain<IFacilityGrain>(facility.Code).RegisterAsync(facility);
        await fixture.Grains.GetGrain<IPatientGrain>(patient.NetworkPatientId).EnrollAsync(patient);
        await fixture.Grains.GetGrain<IPatientGrain>(patient.NetworkPatientId).EnrollAsync(patient);

        Assert.Equal(new NetworkCounts(before.Facilities + 2, before.Patients + 1), await Directory.GetCountsAsync());
    }

    [Fact]
    public async Task List_shows_registered_facilities_ordered_by_kind_then_code()
    {
        var hospital = TestProfiles.Facility(kind: FacilityKind.Hospital);
        var careHome = TestProfiles.Facility(TestKeys.NextFacilityCode(feeTable: 6), FacilityKind.CareHome);
        await fixture.Grains.GetGrain<IFacilityGrain>(careHome.Code).RegisterAsync(careHome);
        await fixture.Grains.GetGrain<IFacilityGrain>(hospital.Code).RegisterAsync(hospital);

        var list = await Directory.ListFacilitiesAsync();

        Assert.Contains(FacilitySummary.From(hospital), list);
        Assert.Contains(FacilitySummary.From(careHome), list);
        Assert.False(list.Single(f => f.Code == careHome.Code).ProvidesData);
        var order = list.Select(f => (f.Kind, f.Code)).ToList();
        Assert.Equal(order.OrderBy(x => x.Kind).ThenBy(x => x.Code, StringComparer.Ordinal), order);
    }
}
