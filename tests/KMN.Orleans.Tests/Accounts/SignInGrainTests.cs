using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Accounts;
using KMN.Orleans.Grains.Audit;
using KMN.Orleans.Tests.Support;

namespace KMN.Orleans.Tests.Accounts;

/// <summary>Both factors or nothing: every sign-in outcome, decided by the grains and audited.</summary>
[Collection(InMemoryClusterCollection.Name)]
public sealed class SignInGrainTests(InMemoryCluster fixture, TestPki pki) : IClassFixture<TestPki>
{
    private ISignInGrain SignIn => fixture.Grains.GetGrain<ISignInGrain>(0);

    private async Task<SecurityEvent> LastEventAsync(string? accountId = null) =>
        (await AccountTestSupport.Audit(fixture.Cluster).ListAsync(1, accountId)).Single();

    [Fact]
    public async Task The_bound_card_and_the_right_password_sign_in_as_that_person_and_are_audited()
    {
        var (_, profile, card) = await AccountTestSupport.CreateAsync(fixture.Grains, pki);

        var result = await SignIn.SignInAsync(CardVerdict.Accept(card), AccountTestSupport.Password, "127.0.0.1");

        Assert.True(result.Succeeded);
        Assert.Equal(profile, result.Account);
        var audited = await LastEventAsync(profile.AccountId);
        Assert.Equal((SecurityActions.SignIn, true, "Ok", "看護師", card.Thumbprint, "127.0.0.1"),
            (audited.Action, audited.Success, audited.Reason, audited.Role, audited.CardThumbprint, audited.SourceAddress));
    }

    [Fact]
    public async Task An_hpki_card_signs_in_when_its_qualification_matches_and_not_after_the_role_changes()
    {
        var (account, profile, card) = await AccountTestSupport.CreateAsync(fixture.Grains, pki, StaffRole.Physician, hpki: true);
        Assert.True((await SignIn.SignInAsync(CardVerdict.Accept(card), AccountTestSupport.Password, null)).Succeeded);

        await account.EnrollAsync(profile with { Role = StaffRole.Pharmacist });

        Assert.Equal(SignInReason.RoleMismatch, (await SignIn.SignInAsync(CardVerdict.Accept(card), AccountTestSupport.Password, null)).Reason);
        Assert.Equal("RoleMismatch", (await LastEventAsync(profile.AccountId)).Reason);
    }

    [Fact]
    public async Task An_hpki_card_of_another_qualification_cannot_be_bound()
    {
        var (account, _, _) = await AccountTestSupport.CreateAsync(fixture.Grains, pki, StaffRole.Physician, hpki: true);
        var pharmacist = pki.FactsOf(pki.Pki.IssueHpkiCard("別 薬剤師", StaffRole.Pharmacist, $"p-{Guid.NewGuid():N}", "x").Authentication);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => account.BindCardAsync(pharmacist));
        Assert.Contains("一致しません", error.Message);
    }

    [Fact]
    public async Task Wrong_passwords_count_down_then_lock_the_account_even_for_the_right_password()
    {
        var (account, profile, card) = await AccountTestSupport.CreateAsync(fixture.Grains, pki);
        var verdict = CardVerdict.Accept(card);

        for (var left = LockoutPolicy.MaxConsecutiveFailures - 1; left > 0; left--)
        {
            var wrong = await SignIn.SignInAsync(verdict, "wrong-password", null);
            Assert.Equal((SignInReason.WrongPassword, left), (wrong.Reason, wrong.FailuresLeft));
        }
        var locking = await SignIn.SignInAsync(verdict, "wrong-password", null);
        var afterwards = await SignIn.SignInAsync(verdict, AccountTestSupport.Password, null);

        Assert.Equal(SignInReason.Locked, locking.Reason);
        Assert.NotNull(locking.LockedUntil);
        Assert.Equal(SignInReason.Locked, afterwards.Reason);
        var events = await AccountTestSupport.Audit(fixture.Cluster).ListAsync(10, profile.AccountId);
        Assert.Contains(events, e => e.Action == SecurityActions.AccountLocked);

        await account.UnlockAsync("operator-1");
        Assert.True((await SignIn.SignInAsync(verdict, AccountTestSupport.Password, null)).Succeeded);
        Assert.Contains(await AccountTestSupport.Audit(fixture.Cluster).ListAsync(10, profile.AccountId), e => e.Action == SecurityActions.AccountUnlocked);
    }

    [Fact]
    public async Task Empty_and_huge_passwords_are_refused_without_counting_as_guesses()
    {
        var (account, _, card) = await AccountTestSupport.CreateAsync(fixture.Grains, pki);

        Assert.Equal(SignInReason.InvalidPassword, (await SignIn.SignInAsync(CardVerdict.Accept(card), "", null)).Reason);
        Assert.Equal(SignInReason.InvalidPassword, (await SignIn.SignInAsync(CardVerdict.Accept(card), new string('x', 100_000), null)).Reason);
        Assert.Equal(0, (await account.GetStatusAsync()).ConsecutiveFailures);
        await Assert.ThrowsAsync<ArgumentException>(() => account.SetPasswordAsync(""));
        await Assert.ThrowsAsync<ArgumentException>(() => account.SetPasswordAsync(new string('x', 129)));
    }

    [Fact]
    public async Task An_account_without_a_password_cannot_sign_in()
    {
        var (_, _, card) = await AccountTestSupport.CreateAsync(fixture.Grains, pki, setPassword: false);

        Assert.Equal(SignInReason.AccountDisabled, (await SignIn.SignInAsync(CardVerdict.Accept(card), "any-password", null)).Reason);
    }

    [Fact]
    public async Task A_valid_card_bound_to_nobody_is_an_unknown_card_and_audited()
    {
        var card = pki.FactsOf(pki.Pki.IssueUserCard("未登録 者", "4311000001", $"u-{Guid.NewGuid():N}", "x"));

        var result = await SignIn.SignInAsync(CardVerdict.Accept(card), "whatever-password", "10.0.0.9");

        Assert.Equal(SignInReason.UnknownCard, result.Reason);
        var events = await AccountTestSupport.Audit(fixture.Cluster).ListAsync(50);
        Assert.Contains(events, e => e.CardThumbprint == card.Thumbprint && e.Reason == "UnknownCard" && !e.Success);
    }

    [Theory]
    [InlineData(SignInReason.NoCard)]
    [InlineData(SignInReason.Expired)]
    [InlineData(SignInReason.NotYetValid)]
    [InlineData(SignInReason.Revoked)]
    [InlineData(SignInReason.UntrustedIssuer)]
    [InlineData(SignInReason.WrongKeyUsage)]
    [InlineData(SignInReason.FacilityCertificate)]
    [InlineData(SignInReason.RevocationUnknown)]
    public async Task Refusals_decided_at_the_edge_grant_nothing_and_are_audited(SignInReason reason)
    {
        var serial = Guid.NewGuid().ToString("N");

        var result = await SignIn.SignInAsync(CardVerdict.Refuse(reason, "CN=誰か", serial, "CN=どこか"), AccountTestSupport.Password, null);

        Assert.Equal(reason, result.Reason);
        Assert.Null(result.Account);
        var events = await AccountTestSupport.Audit(fixture.Cluster).ListAsync(50);
        Assert.Contains(events, e => e.CardSerial == serial && e.Reason == reason.ToString() && !e.Success);
    }

    [Fact]
    public async Task A_facility_certificate_cannot_be_bound_and_a_card_binds_to_one_account_only()
    {
        var (first, _, card) = await AccountTestSupport.CreateAsync(fixture.Grains, pki);
        var (second, _, _) = await AccountTestSupport.CreateAsync(fixture.Grains, pki);
        var facility = pki.Validator().Validate(pki.Facility.Certificate, KMN.Orleans.Grains.Abstractions.Pki.CardPurpose.Upload).Facts!;

        await Assert.ThrowsAsync<ArgumentException>(() => second.BindCardAsync(facility));
        await Assert.ThrowsAsync<InvalidOperationException>(() => second.BindCardAsync(card));
        Assert.Equal(KMN.Orleans.Grains.Abstractions.WriteOutcome.Unchanged, await first.BindCardAsync(card));
    }
}
