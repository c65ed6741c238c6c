using KMN.Orleans.BrowserTests.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KMN.Orleans.BrowserTests.SignIn;

/// <summary>
/// Signing in to the portal as issue 3 asks: the browser presents a demo card (PKCS#12 as the TLS client
/// certificate), the person types the password; both factors or nothing, every refusal in Japanese.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInTests(KmnNetworkFixture network, ChromiumFixture chromium)
{
    [Fact]
    public async Task An_hpki_doctor_signs_in_with_card_and_password_and_sees_their_name_and_role()
    {
        var doctor = network.Cards.Physician;
        await using var recorded = await RecordedPage.OpenAsync(chromium.Browser, network.WebBaseUrl, doctor);
        var page = recorded.Page;

        await page.GotoAsync("/signin");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        await Expect(page.GetByTestId("card-status")).ToHaveTextAsync($"{doctor.Name}（HPKI 資格証・医師）");
        await recorded.ScreenshotAsync("signin-ja");

        await recorded.SignInAsync(doctor.SignInPassword);

        await Expect(page).ToHaveURLAsync(network.WebBaseUrl + "/");
        await Expect(page.GetByTestId("staff-name")).ToHaveTextAsync(doctor.Name);
        await Expect(page.GetByTestId("staff-role")).ToHaveTextAsync("医師");
        await Expect(page.GetByTestId("staff-facility")).ToHaveTextAsync(doctor.Facility);
        await recorded.ScreenshotAsync("signed-in-doctor-ja");
    }

    [Fact]
    public async Task A_pharmacist_and_a_care_worker_sign_in_with_their_own_roles()
    {
        foreach (var (card, role) in new[] { (network.Cards.Pharmacist, "薬剤師"), (network.Cards.CareWorker, "介護職員") })
        {
            await using var recorded = await RecordedPage.SignedInAsync(chromium.Browser, network, card);
            await Expect(recorded.Page.GetByTestId("staff-name")).ToHaveTextAsync(card.Name);
            await Expect(recorded.Page.GetByTestId("staff-role")).ToHaveTextAsync(role);
        }
    }

    [Fact]
    public async Task A_revoked_card_is_refused_before_and_after_the_password()
    {
        await using var recorded = await RecordedPage.OpenAsync(chromium.Browser, network.WebBaseUrl, network.Cards.Revoked);
        var page = recorded.Page;

        await page.GotoAsync("/signin");
        await Expect(page.GetByTestId("card-problem")).ToHaveTextAsync("このカードは失効しています。");

        await recorded.SubmitSignInAsync(network.Cards.Revoked.SignInPassword);
        await ExpectRefusedAsync(recorded, "このカードは失効しています。");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_Japanese_with_the_attempts_left()
    {
        await using var recorded = await RecordedPage.OpenAsync(chromium.Browser, network.WebBaseUrl, network.Cards.WrongPassword);

        await recorded.SubmitSignInAsync("not-the-password-1");

        await ExpectRefusedAsync(recorded, "パスワードが違います。");
        await Expect(recorded.Page.GetByTestId("signin-error")).ToContainTextAsync("回間違えると、アカウントがロックされます。");
        await recorded.ScreenshotAsync("signin-wrong-password-ja");
    }

    [Fact]
    public async Task A_card_whose_qualification_differs_from_the_account_role_is_refused()
    {
        await using var recorded = await RecordedPage.OpenAsync(chromium.Browser, network.WebBaseUrl, network.Cards.RoleMismatch);

        await recorded.SubmitSignInAsync(network.Cards.RoleMismatch.SignInPassword);

        await ExpectRefusedAsync(recorded, "カードの資格とアカウントの職種が一致しません。");
    }

    [Fact]
    public async Task Without_a_card_the_page_says_so_and_the_password_alone_is_refused()
    {
        await using var recorded = await RecordedPage.OpenAsync(chromium.Browser, network.WebBaseUrl);
        var page = recorded.Page;

        await page.GotoAsync("/signin");
        await Expect(page.GetByTestId("card-problem")).ToContainTextAsync("カードが提示されていません。");

        await recorded.SubmitSignInAsync(network.Cards.Operator.SignInPassword);
        await ExpectRefusedAsync(recorded, "カードが提示されていません。");
    }

    [Fact]
    public async Task A_facility_certificate_cannot_sign_in_as_a_person()
    {
        await using var recorded = await RecordedPage.OpenAsync(chromium.Browser, network.WebBaseUrl, network.Cards.Facility);
        var page = recorded.Page;

        await page.GotoAsync("/signin");
        await Expect(page.GetByTestId("card-problem")).ToHaveTextAsync("施設の証明書ではサインインできません。個人のカードを使ってください。");

        await recorded.SubmitSignInAsync("any-password-123");
        await ExpectRefusedAsync(recorded, "施設の証明書ではサインインできません。個人のカードを使ってください。");
    }

    private static async Task ExpectRefusedAsync(RecordedPage recorded, string message)
    {
        Assert.True(RecordedPage.IsSignInPage(recorded.Page.Url), $"Expected to stay on /signin, got {recorded.Page.Url}");
        await Expect(recorded.Page.GetByTestId("signin-error")).ToContainTextAsync(message);
        await Expect(recorded.Page.GetByTestId("staff-badge")).ToHaveCountAsync(0);
    }
}
