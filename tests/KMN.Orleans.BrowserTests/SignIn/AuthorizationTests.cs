using KMN.Orleans.BrowserTests.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KMN.Orleans.BrowserTests.SignIn;

/// <summary>The named policies on pages and endpoints: sign-in for everything, roles for /ops, the dashboard and /facilities.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AuthorizationTests(KmnNetworkFixture network, ChromiumFixture chromium)
{
    [Fact]
    public async Task Nobody_signed_in_is_sent_to_the_sign_in_page_and_back_after_signing_in()
    {
        var operatorCard = network.Cards.Operator;
        await using var recorded = await RecordedPage.OpenAsync(chromium.Browser, network.WebBaseUrl, operatorCard);
        var page = recorded.Page;

        await page.GotoAsync("/ops");
        await Expect(page).ToHaveURLAsync(network.WebBaseUrl + "/signin?returnUrl=%2Fops");

        await recorded.SubmitSignInAsync(operatorCard.SignInPassword, "/signin?returnUrl=%2Fops");
        await Expect(page).ToHaveURLAsync(network.WebBaseUrl + "/ops");
        await Expect(page.GetByTestId("silo-table")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_doctor_gets_no_permission_on_ops_and_the_dashboard_and_no_menu_entries_for_them()
    {
        await using var recorded = await RecordedPage.SignedInAsync(chromium.Browser, network, network.Cards.Physician);
        var page = recorded.Page;

        var ops = await page.GotoAsync("/ops");
        Assert.Equal(403, ops?.Status);
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "権限がありません" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("forbidden")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("silo-table")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("nav-ops")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("nav-facilities")).ToHaveCountAsync(0);
        await recorded.ScreenshotAsync("forbidden-ja");

        var dashboard = await page.GotoAsync("/ops/dashboard/");
        Assert.Equal(403, dashboard?.Status);
        await Expect(page.GetByTestId("forbidden")).ToBeVisibleAsync();

        var facilities = await page.GotoAsync("/facilities");
        Assert.Equal(403, facilities?.Status);
    }

    [Fact]
    public async Task The_network_operator_sees_ops_and_the_dashboard()
    {
        await using var recorded = await RecordedPage.SignedInAsync(chromium.Browser, network, network.Cards.Operator);
        var page = recorded.Page;

        await recorded.OpenInteractiveAsync("/ops");
        await Expect(page.GetByTestId("silo-table")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("staff-role")).ToHaveTextAsync("ネットワーク運用者");

        var dashboard = await page.GotoAsync("/ops/dashboard/");
        Assert.True(dashboard?.Ok, $"/ops/dashboard/ answered {dashboard?.Status}");
    }

    [Fact]
    public async Task A_facility_administrator_sees_facilities_but_not_ops()
    {
        await using var recorded = await RecordedPage.SignedInAsync(chromium.Browser, network, network.Cards.FacilityAdministrator);
        var page = recorded.Page;

        await recorded.OpenInteractiveAsync("/facilities");
        await Expect(page.GetByTestId("facility-table")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("nav-facilities")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("nav-ops")).ToHaveCountAsync(0);

        var ops = await page.GotoAsync("/ops");
        Assert.Equal(403, ops?.Status);
    }
}
