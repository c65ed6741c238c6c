using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Demo;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Grains.Demo;

namespace KMN.Orleans.Tests.Access;

/// <summary>The demo network's consents and sharing settings: varied, some revoked, one by proxy, a restricted care home.</summary>
[Collection(AccessCollection.Name)]
public sealed class DemoAccessTests(AccessFixture fixture)
{
    [Fact]
    public async Task The_demo_gets_varied_consents_a_proxy_a_revocation_and_a_restricted_care_home_once()
    {
        var spec = new DemoNetworkSpec(4300, 40);
        await fixture.Grains.GetGrain<IDemoNetworkGrain>("access-demo").EnsureLoadedAsync(spec);
        var demo = fixture.Grains.GetGrain<IDemoAccessGrain>("access-demo");

        var consented = await demo.EnsureLoadedAsync(spec);
        Assert.Equal(consented, await demo.EnsureLoadedAsync(spec)); // once
        Assert.InRange(consented, 25, 40);

        var versions = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            fixture.Grains.GetGrain<IPatientRecordGrain>(DemoNetworkGenerator.NetworkPatientId(i)).GetConsentHistoryAsync()));
        Assert.Equal(consented, versions.Count(v => v.Length > 0));
        Assert.Equal(ConsentSigner.Proxy, versions[2][0].Signer.Kind);
        Assert.False(string.IsNullOrEmpty(versions[2][0].Signer.ProxyName));
        Assert.True(versions[5][^1].Revoked);
        Assert.Contains(versions, v => v.Length == 1 && v[0].Scope.AllFacilities);
        Assert.Contains(versions, v => v.Length == 1 && !v[0].Scope.AllFacilities);

        var careHome = new DemoNetworkGenerator(4300).Facilities().First(f => f.Kind == FacilityKind.CareHome);
        var policy = (await fixture.Grains.GetGrain<IFacilityGrain>(careHome.Code).GetAccessProfileAsync())!.Policy;
        Assert.Equal([RecordCategory.BulletinBoard], policy.CategoriesOf(StaffRole.CareWorker).ToArray());
    }
}
