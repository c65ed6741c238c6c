using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Demo;
using KMN.Orleans.Grains.Accounts.Demo;
using KMN.Orleans.Grains.Demo;
using KMN.Orleans.Tests.Support;

namespace KMN.Orleans.Tests.Accounts;

/// <summary>
/// Its own cluster: loading the demo staff registers the seed-4300 demo facilities, which the shared
/// cluster's demo network test counts on registering itself.
/// </summary>
public sealed class DemoStaffGrainTests(InMemoryCluster fixture, TestPki pki) : IClassFixture<TestPki>, IClassFixture<InMemoryCluster>
{
    [Fact]
    public void The_demo_plan_has_every_role_and_accounts_at_every_demo_facility()
    {
        var staff = DemoStaffPlan.Staff(4300);

        Assert.Equal(Enum.GetValues<StaffRole>().ToHashSet(), staff.Select(s => s.Profile.Role).ToHashSet());
        Assert.Equal(new DemoNetworkGenerator(4300).Facilities().Count, staff.Select(s => s.Facility.Code).Distinct().Count());
        Assert.Equal(staff.Count, staff.Select(s => s.Profile.AccountId).Distinct().Count());
        Assert.Equal(staff.Select(s => s.Profile.AccountId), DemoStaffPlan.Staff(4300).Select(s => s.Profile.AccountId));
    }

    [Fact]
    public async Task Demo_staff_load_once_with_their_cards_bound_and_can_sign_in()
    {
        var members = DemoStaffPlan.Staff(4300).Take(3).Select(s =>
        {
            var issued = s.Profile.Role.IsHpkiQualification()
                ? pki.Pki.IssueHpkiCard(s.Profile.DisplayName, s.Profile.Role, s.Profile.AccountId, "p12").Authentication
                : pki.Pki.IssueUserCard(s.Profile.DisplayName, s.Profile.FacilityCode, s.Profile.AccountId, "p12");
            return new DemoStaffCard(s.Profile, pki.FactsOf(issued), $"demo-pass-{s.Profile.AccountId}", issued.Pkcs12Path, "p12");
        }).ToImmutableArray();
        var demo = fixture.Grains.GetGrain<IDemoStaffGrain>("kumamoto");
        var network = new DemoNetworkSpec(4300, 0);

        var first = await demo.EnsureLoadedAsync(network, members);
        var again = await demo.EnsureLoadedAsync(network, members);

        Assert.Equal((false, 3), (first.AlreadyLoaded, first.Accounts));
        Assert.True(again.AlreadyLoaded);
        foreach (var member in members)
        {
            var result = await fixture.Grains.GetGrain<ISignInGrain>(0).SignInAsync(CardVerdict.Accept(member.Card), member.Password, null);
            Assert.True(result.Succeeded, $"{member.Profile.AccountId}: {result.Reason}");
            Assert.Equal(member.Profile.Role, result.Account!.Role);
        }
    }
}
