using KMN.Orleans.BrowserTests.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KMN.Orleans.BrowserTests.SignIn;

/// <summary>A session lives only as long as its card: sign-out, and revocation taking effect on open pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionTests(KmnNetworkFixture network, ChromiumFixture chromium)
{
    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await using var recorded = await RecordedPage.SignedInAsync(chromium.Browser, network, network.Cards.Pharmacist);
        var page = recorded.Page;
        await recorded.OpenInteractiveAsync("/");

        await page.GetByTestId("sign-out").ClickAsync();

        await Expect(page).ToHaveURLAsync(network.WebBaseUrl + "/signin?ended=SignedOut");
        await Expect(page.GetByTestId("signin-ended")).ToHaveTextAsync("サインアウトしました。");
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(network.WebBaseUrl + "/signin?returnUrl=%2F");
    }

    [Fact]
    public async Task A_card_revoked_while_its_holder_works_stops_the_open_page_and_every_request()
    {
        var card = network.Cards.RevokedDuringSession;
        await using var recorded = await RecordedPage.SignedInAsync(chromium.Browser, network, card);
        var page = recorded.Page;
        await recorded.OpenInteractiveAsync("/");
        await Expect(page.GetByTestId("staff-name")).ToHaveTextAsync(card.Name);

        await network.Pki.RevokeAsync(card);

        // The open page re-checks its card every couple of seconds (SignIn:RevalidationInterval) and leaves.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin\\?"), new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("signin-error")).ToHaveTextAsync("このカードは失効しています。");
        await page.GotoAsync("/");
        Assert.True(RecordedPage.IsSignInPage(page.Url), $"A revoked card still opened {page.Url}");
    }
}
