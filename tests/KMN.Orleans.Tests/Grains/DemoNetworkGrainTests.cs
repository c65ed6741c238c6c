using KMN.Orleans.Grains.Abstractions.Demo;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Network;
using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.Grains.Demo;
using KMN.Orleans.Tests.Support;

namespace KMN.Orleans.Tests.Grains;

/// <summary>One test on purpose: demo patient ids depend only on the index, so loads in one cluster share grains.</summary>
[Collection(InMemoryClusterCollection.Name)]
public sealed class DemoNetworkGrainTests(InMemoryCluster fixture)
{
    private const int Seed = 4300;
    private const int Patients = 120; // spans three of the loader's batches of 50

    [Fact]
    public async Task Loads_the_network_once_and_a_second_call_or_loader_adds_nothing()
    {
        var directory = fixture.Grains.GetGrain<INetworkDirectoryGrain>(0);
        var demo = fixture.Grains.GetGrain<IDemoNetworkGrain>("kumamoto-test");
        var spec = new DemoNetworkSpec(Seed, Patients);
        var before = await directory.GetCountsAsync();

        var first = await demo.EnsureLoadedAsync(spec);
        var afterFirst = await directory.GetCountsAsync();
        var second = await demo.EnsureLoadedAsync(spec);
        var otherLoader = await fixture.Grains.GetGrain<IDemoNetworkGrain>("kumamoto-test-2").EnsureLoadedAsync(spec);

        Assert.Equal((false, 21, Patients), (first.AlreadyLoaded, first.Facilities, first.Patients));
        Assert.Equal(new NetworkCounts(before.Facilities + 21, before.Patients + Patients), afterFirst);
        Assert.Equal(first with { AlreadyLoaded = true }, second);
        Assert.Equal(first, await demo.GetReportAsync());
        Assert.False(otherLoader.AlreadyLoaded);
        Assert.Equal(afterFirst, await directory.GetCountsAsync());
        await AssertGrainsHoldTheGeneratedNetwork();
    }

    private async Task AssertGrainsHoldTheGeneratedNetwork()
    {
        var generator = new DemoNetworkGenerator(Seed);
        var facilities = generator.Facilities();
        foreach (var facility in facilities)
            Assert.Equal(facility, await fixture.Grains.GetGrain<IFacilityGrain>(facility.Code).GetProfileAsync());
        foreach (var index in new[] { 0, 49, 50, Patients - 1 })
        {
            var expected = generator.Patient(index, facilities);
            var actual = await fixture.Grains.GetGrain<IPatientGrain>(expected.NetworkPatientId).GetProfileAsync();
            Assert.True(actual?.SameAs(expected), $"patient {index} differs from the generator's");
        }
        var beyond = DemoNetworkGenerator.NetworkPatientId(Patients);
        Assert.Null(await fixture.Grains.GetGrain<IPatientGrain>(beyond).GetProfileAsync());
    }
}
