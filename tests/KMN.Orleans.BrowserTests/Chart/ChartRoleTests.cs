using KMN.Orleans.BrowserTests.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KMN.Orleans.BrowserTests.Chart;

/// <summary>
/// The same patient through three cards: what each sees differs exactly as the sharing settings say
/// (grains.abstractions/Facilities/SharingDefaults.cs, and the demo care home's own narrower setting in
/// grains/Demo/DemoAccessGrain.cs), and everything hidden is listed with its reason.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChartRoleTests(KmnNetworkFixture network, ChromiumFixture chromium)
{
    private const string RoleReason = "職種の権限";

    // Timeline category chips (ChartCategory labels) per sharing category (RecordCategory).
    private static readonly string[] DiagnosisChips = ["病名", "アレルギー"];
    private static readonly string[] MedicationChips = ["処方", "調剤"];
    private static readonly string[] LabChips = ["検体検査"];
    private static readonly string[] ImagingAndDocumentChips = ["画像・読影", "文書"];
    private static readonly string[] CheckupChips = ["健診"];

    [Fact]
    public async Task A_doctor_a_pharmacist_and_a_care_worker_see_the_same_patient_as_their_roles_allow()
    {
        var patient = ChartDemoData.DuplicatePatient;
        var data = new ChartDemoData(network);
        foreach (var card in new[] { network.Cards.Physician, network.Cards.Pharmacist, network.Cards.CareWorker })
            Assert.True(await data.ConsentCoversAsync(patient, ChartDemoData.FacilityOf(card)), $"the demo consent of {patient} should cover {card}");

        var doctor = await SeeAsync(network.Cards.Physician, patient, "chart-doctor");
        var pharmacist = await SeeAsync(network.Cards.Pharmacist, patient, "chart-pharmacist");
        var careWorker = await SeeAsync(network.Cards.CareWorker, patient, "chart-care-worker");

        // 医師 (hospital): every clinical category; nothing hidden for the role (a source may still keep images to itself).
        Assert.DoesNotContain(doctor.Hidden, h => h.EndsWith(RoleReason, StringComparison.Ordinal));
        Assert.Contains("病名", doctor.Chips);
        Assert.Contains("処方", doctor.Chips);

        // 薬剤師: diagnoses, medication, labs and checkups; images and documents hidden for the role.
        Assert.Equal(["文書：" + RoleReason, "画像・読影レポート：" + RoleReason], RoleLines(pharmacist).Order(StringComparer.Ordinal));
        Assert.Contains("処方", pharmacist.Chips);
        Assert.DoesNotContain(pharmacist.Chips, ImagingAndDocumentChips.Contains);

        // 介護職員 of the demo care home: its administrator allows only the bulletin board; every clinical category is explained.
        Assert.Equal(new[] { "健診", "処方・調剤", "文書", "検体検査", "画像・読影レポート", "病名" }.Select(c => c + "：" + RoleReason).Order(StringComparer.Ordinal),
            RoleLines(careWorker).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(careWorker.Chips,
            c => DiagnosisChips.Concat(MedicationChips).Concat(LabChips).Concat(ImagingAndDocumentChips).Concat(CheckupChips).Contains(c));

        // Narrower roles see a subset of what the doctor sees, never something else.
        Assert.Subset(doctor.Chips.ToHashSet(), pharmacist.Chips.ToHashSet());
        Assert.Subset(pharmacist.Chips.ToHashSet(), careWorker.Chips.ToHashSet());
        Assert.True(pharmacist.Chips.Count > careWorker.Chips.Count,
            $"医師 {string.Join(",", doctor.Chips)} / 薬剤師 {string.Join(",", pharmacist.Chips)} / 介護職員 {string.Join(",", careWorker.Chips)}");
    }

    private static IEnumerable<string> RoleLines(Seen seen) => seen.Hidden.Where(h => h.EndsWith(RoleReason, StringComparison.Ordinal));

    private async Task<Seen> SeeAsync(DemoCard card, string patient, string screenshot)
    {
        await using var recorded = await RecordedPage.SignedInAsync(chromium.Browser, network, card);
        await recorded.OpenChartAsync(patient);
        await Expect(recorded.Page.GetByTestId("timeline-count")).ToBeVisibleAsync(); // shown even when nothing is visible
        var seen = new Seen(await recorded.Page.HiddenLinesAsync(), await recorded.Page.TimelineCategoriesAsync());
        await recorded.ScreenshotAsync(screenshot);
        return seen;
    }

    private sealed record Seen(IReadOnlyList<string> Hidden, IReadOnlyList<string> Chips);
}
