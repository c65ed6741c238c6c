using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Audit;
using KMN.Orleans.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace KMN.Orleans.Tests.Accounts;

/// <summary>Creates a facility and an account with a freshly issued card and a password.</summary>
public static class AccountTestSupport
{
    public const string Password = "correct-password-1";
    private static int _next;

    public static async Task<(IStaffAccountGrain Account, StaffAccountProfile Profile, CardFacts Card)> CreateAsync(
        IGrainFactory grains, TestPki pki, StaffRole role = StaffRole.Nurse, bool hpki = false, bool setPassword = true)
    {
        var facility = TestProfiles.Facility();
        await grains.GetGrain<IFacilityGrain>(facility.Code).RegisterAsync(facility);
        var n = Interlocked.Increment(ref _next);
        var profile = new StaffAccountProfile($"{facility.Code}-{n:D2}", facility.Code, role, "試験", $"太郎{n}", "シケン", "タロウ");
        var account = grains.GetGrain<IStaffAccountGrain>(profile.AccountId);
        await account.EnrollAsync(profile);
        var issued = hpki
            ? pki.Pki.IssueHpkiCard(profile.DisplayName, role, $"acct-{Guid.NewGuid():N}", TestPki.P12Password).Authentication
            : pki.Pki.IssueUserCard(profile.DisplayName, facility.Code, $"acct-{Guid.NewGuid():N}", TestPki.P12Password);
        var card = pki.FactsOf(issued);
        await account.BindCardAsync(card);
        if (setPassword)
            await account.SetPasswordAsync(Password);
        return (account, profile, card);
    }

    public static ISecurityEventStore Audit(TestCluster cluster) =>
        ((InProcessSiloHandle)cluster.Primary!).SiloHost.Services.GetRequiredService<ISecurityEventStore>();
}
