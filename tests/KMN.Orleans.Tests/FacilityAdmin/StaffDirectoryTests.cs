using KMN.Orleans.Grains.Abstractions;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Staff;
using KMN.Orleans.Tests.Accounts;
using KMN.Orleans.Tests.Support;

namespace KMN.Orleans.Tests.FacilityAdmin;

/// <summary>A facility's staff list: kept by enrollment, shown to its administrator, unlockable; nobody else's.</summary>
[Collection(InMemoryClusterCollection.Name)]
public sealed class StaffDirectoryTests(InMemoryCluster fixture, TestPki pki) : IClassFixture<TestPki>
{
    private IGrainFactory Grains => fixture.Grains;

    private static AccessCaller Admin(string facility) => new(facility, facility + "-99", StaffRole.FacilityAdministrator, "管理 花子");

    private static readonly AccessCaller Operator = new("4300000000", "network-operator-01", StaffRole.NetworkOperator, "運用 太郎");

    [Fact]
    public async Task Enrolled_staff_appear_in_their_facilitys_list_with_role_cards_and_password()
    {
        var (_, profile, _) = await AccountTestSupport.CreateAsync(Grains, pki, StaffRole.Nurse);
        var second = profile with { AccountId = profile.FacilityCode + "-77", Role = StaffRole.Clerk, FamilyNameKana = "アイダ" };
        await Grains.GetGrain<IStaffAccountGrain>(second.AccountId).EnrollAsync(second);

        var list = await Grains.GetGrain<IFacilityStaffGrain>(profile.FacilityCode).ListAsync(Admin(profile.FacilityCode));

        Assert.Null(list.Problem);
        Assert.Equal([second.AccountId, profile.AccountId], list.Members.Select(m => m.Profile.AccountId)); // by kana
        var nurse = list.Members.Single(m => m.Profile.AccountId == profile.AccountId);
        Assert.Equal((StaffRole.Nurse, 1, true, false), (nurse.Profile.Role, nurse.Cards, nurse.HasPassword, nurse.Locked));
        Assert.Equal((0, false), (list.Members[0].Cards, list.Members[0].HasPassword));
    }

    [Fact]
    public async Task Another_facilitys_administrator_and_clinicians_are_refused_operators_may_look()
    {
        var (_, profile, _) = await AccountTestSupport.CreateAsync(Grains, pki);
        var staff = Grains.GetGrain<IFacilityStaffGrain>(profile.FacilityCode);

        var otherAdmin = await staff.ListAsync(Admin(TestKeys.NextFacilityCode()));
        var clinician = await staff.ListAsync(new AccessCaller(profile.FacilityCode, profile.AccountId, StaffRole.Physician, "医師"));
        var byOperator = await staff.ListAsync(Operator);

        Assert.Empty(otherAdmin.Members);
        Assert.Contains("施設管理者またはネットワーク運用者のみ", otherAdmin.Problem);
        Assert.NotNull(clinician.Problem);
        Assert.Null(byOperator.Problem);
        Assert.Single(byOperator.Members);
    }

    [Fact]
    public async Task The_facilitys_administrator_unlocks_a_locked_account_of_that_facility_only()
    {
        var (account, profile, card) = await AccountTestSupport.CreateAsync(Grains, pki);
        for (var i = 0; i < KMN.Orleans.Grains.Accounts.LockoutPolicy.MaxConsecutiveFailures; i++)
            await account.SignInAsync(card, "wrong-password-" + i, null);
        var staff = Grains.GetGrain<IFacilityStaffGrain>(profile.FacilityCode);
        Assert.True((await staff.ListAsync(Admin(profile.FacilityCode))).Members.Single().Locked);

        var foreign = await Grains.GetGrain<IFacilityStaffGrain>(TestKeys.NextFacilityCode()).UnlockAsync(Admin(profile.FacilityCode), profile.AccountId);
        var wrongAdmin = await staff.UnlockAsync(Admin(TestKeys.NextFacilityCode()), profile.AccountId);
        Assert.False(foreign.Succeeded);
        Assert.False(wrongAdmin.Succeeded);
        Assert.True((await staff.ListAsync(Admin(profile.FacilityCode))).Members.Single().Locked);

        var unlocked = await staff.UnlockAsync(Admin(profile.FacilityCode), profile.AccountId);
        var again = await staff.UnlockAsync(Admin(profile.FacilityCode), profile.AccountId);

        Assert.Equal(WriteOutcome.Updated, unlocked.Outcome);
        Assert.Equal(WriteOutcome.Unchanged, again.Outcome);
        Assert.False((await staff.ListAsync(Admin(profile.FacilityCode))).Members.Single().Locked);
        Assert.True((await account.SignInAsync(card, AccountTestSupport.Password, null)).Succeeded);
        Assert.NotNull((await staff.ListAsync(Admin(profile.FacilityCode))).Members.Single().LastSignInAt);
    }

    [Fact]
    public async Task An_account_moved_to_another_facility_leaves_the_first_list()
    {
        var (account, profile, _) = await AccountTestSupport.CreateAsync(Grains, pki);
        var target = TestProfiles.Facility();
        await Grains.GetGrain<IFacilityGrain>(target.Code).RegisterAsync(target);

        await account.EnrollAsync(profile with { FacilityCode = target.Code });

        Assert.Empty((await Grains.GetGrain<IFacilityStaffGrain>(profile.FacilityCode).ListAsync(Operator)).Members);
        Assert.Equal([profile.AccountId],
            (await Grains.GetGrain<IFacilityStaffGrain>(target.Code).ListAsync(Operator)).Members.Select(m => m.Profile.AccountId));
    }
}
