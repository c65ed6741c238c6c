using KMN.Orleans.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KMN.Orleans.BrowserTests.FacilityAdmin;

/// <summary>
/// /facility-admin with the demo 施設管理者 card: the facility's staff, a role's categories changed and seen in a
/// clinician's open chart on the next action, and a bad consent registration refused in Japanese with nothing stored.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FacilityAdminPageTests(KmnNetworkFixture network, ChromiumFixture chromium)
{
    private DemoCard Admin => network.Cards.FacilityAdministrator;

    /// <summary>A pharmacist (else a physician) of the administrator's facility, not one another test spoils.</summary>
    private (DemoCard Card, string Role) Clinician()
    {
        var cards = network.Cards;
        var spoiled = new[] { cards.RoleMismatch, cards.Revoked, cards.RevokedDuringSession, cards.WrongPassword };
        var candidates = cards.All.Where(c => c.IsPersonalCard && c.Facility == Admin.Facility && !spoiled.Contains(c)).ToList();
        var card = candidates.FirstOrDefault(c => c.Role == "薬剤師") ?? candidates.First(c => c.Role == "医師");
        return (card, card.Role == "薬剤師" ? "Pharmacist" : "Physician");
    }

    private static ILocator HiddenLabResults(IPage page) =>
        page.GetByTestId("hidden-item").Filter(new() { HasText = "検体検査" });

    [Fact]
    public async Task The_administrator_removes_lab_results_for_a_role_and_the_clinicians_chart_hides_them_on_the_next_action()
    {
        var (clinician, role) = Clinician();
        var patient = (await FacilityAdminDatabase.OpenableAsync(network.ConnectionString, Admin.Facility))[0];
        await using var chart = await RecordedPage.SignedInAsync(chromium.Browser, network, clinician);
        await chart.OpenInteractiveAsync($"/patients/{patient}");
        await Expect(chart.Page.GetByTestId("chart-header")).ToBeVisibleAsync();
        await Expect(HiddenLabResults(chart.Page)).ToHaveCountAsync(0);

        await using var admin = await RecordedPage.SignedInAsync(chromium.Browser, network, Admin);
        await admin.OpenInteractiveAsync("/facility-admin");
        await Expect(admin.Page.GetByTestId("admin-facility")).ToContainTextAsync(Admin.Facility);
        await Expect(admin.Page.GetByTestId("staff-name").Filter(new() { HasText = clinician.Name })).ToHaveCountAsync(1);
        await admin.ScreenshotAsync("facility-admin-staff-ja");

        await admin.Page.GetByRole(AriaRole.Tab, new() { Name = "閲覧権限" }).ClickAsync();
        var labResults = admin.Page.GetByTestId($"cell-{role}-LabResults");
        try
        {
            await Expect(labResults).ToBeCheckedAsync();
            await labResults.SetCheckedAsync(false, new() { Force = true });
            await Expect(admin.Page.GetByTestId($"matrix-changed-{role}")).ToBeVisibleAsync();
            await admin.Page.GetByTestId("matrix-save").ClickAsync();
            await Expect(admin.Page.Locator(".mud-snackbar")).ToContainTextAsync("閲覧権限を保存しました");
            await Expect(labResults).Not.ToBeCheckedAsync();
            await admin.ScreenshotAsync("facility-admin-matrix-ja");

            await chart.ReloadedInteractiveAsync(() => chart.Page.ReloadAsync());
            await Expect(HiddenLabResults(chart.Page)).ToContainTextAsync("職種の権限");
            await chart.ScreenshotAsync("facility-admin-chart-hidden-ja");
        }
        finally
        {
            await RestoreAsync(admin.Page, role);
        }
        await chart.ReloadedInteractiveAsync(() => chart.Page.ReloadAsync());
        await Expect(HiddenLabResults(chart.Page)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Registering_a_proxy_consent_without_the_proxys_name_is_refused_in_Japanese_and_stores_nothing()
    {
        var patient = (await FacilityAdminDatabase.OpenableAsync(network.ConnectionString, Admin.Facility))[0];
        var before = await FacilityAdminDatabase.ConsentRowsAsync(network.ConnectionString, patient);
        await using var admin = await RecordedPage.SignedInAsync(chromium.Browser, network, Admin);
        var page = admin.Page;
        await admin.OpenInteractiveAsync("/facility-admin");

        await page.GetByRole(AriaRole.Tab, new() { Name = "同意" }).ClickAsync();
        await page.GetByTestId("consent-new").ClickAsync();
        await page.GetByTestId("register-patient").FillAsync(patient);
        await page.GetByTestId("signer-proxy").CheckAsync(new() { Force = true });
        await page.GetByTestId("register-proxy-relationship").FillAsync("長男");
        await page.GetByTestId("consent-file").SetInputFilesAsync(new FilePayload
        {
            Name = "同意書.pdf", MimeType = "application/pdf", Buffer = [.. "%PDF-1.4\n%test\n"u8],
        });
        await Expect(page.GetByTestId("consent-file-name")).ToContainTextAsync("同意書.pdf");
        await page.GetByTestId("register-submit").ClickAsync();

        await Expect(page.GetByTestId("consent-error")).ToHaveTextAsync("代理人の署名には代理人の氏名と続柄が必要です。");
        await admin.ScreenshotAsync("facility-admin-consent-error-ja");
        Assert.Equal(before, await FacilityAdminDatabase.ConsentRowsAsync(network.ConnectionString, patient));
    }

    /// <summary>Back to the defaults of the facility's kind, so the other tests see the demo network as it was.</summary>
    private static async Task RestoreAsync(IPage page, string role)
    {
        var reset = page.GetByTestId($"matrix-reset-{role}");
        if (await reset.CountAsync() == 0)
            return;
        await reset.ClickAsync();
        await page.GetByTestId("matrix-save").ClickAsync();
        await Expect(page.GetByTestId($"matrix-changed-{role}")).ToHaveCountAsync(0);
    }
}
