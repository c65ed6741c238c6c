using KMN.Orleans.PortalTests.BreakGlass;
using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Components.Pages;

namespace KMN.Orleans.PortalTests.AccessLog;

/// <summary>The per-patient access log page: who, when, what and why; live on a notice; unsubscribed on leaving.</summary>
public sealed class AccessLogPageTests : AccessContext
{
    private const string Patient = "430000000006";

    private IRenderedComponent<AccessLogPage> Open()
    {
        UseServices(FakeCurrentStaff.Doctor);
        return Render<AccessLogPage>(p => p.Add(c => c.PatientId, Patient));
    }

    [Fact]
    public void Each_access_shows_who_facility_role_when_categories_count_and_purpose()
    {
        Access.Log.Add(FakeAccessSource.Entry(1, Patient));
        var cut = Open();
        var row = cut.WaitForElement("[data-testid=access-log-row]", Patience);
        var text = row.TextContent;
        Assert.Contains("熊本 一郎", text);
        Assert.Contains("火の国総合病院", text); // the facility's name, not its code
        Assert.Contains("医師", text);
        Assert.Contains("2024-06-10 09:31:00", text); // JST
        Assert.Contains("2024-06-10T00:31:00Z", text); // ISO instant
        Assert.Contains("処方、検体検査", text);
        Assert.Contains("閲覧", text);
        Assert.Equal("診療", row.QuerySelector("[data-testid=log-purpose]")!.TextContent.Trim());
    }

    [Fact]
    public void A_break_glass_opening_and_its_reads_say_so_with_the_reason()
    {
        Access.Log.Add(FakeAccessSource.Entry(1, Patient, "break-glass", "ETREAT", reason: "BreakGlass",
            query: $"Patient/{Patient}?reason=LifeThreatening"));
        Access.Log.Add(FakeAccessSource.Entry(2, Patient, purpose: "ETREAT", reason: "BreakGlass"));
        var cut = Open();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=access-log-row]").Count), Patience);
        var rows = cut.FindAll("[data-testid=access-log-row]");
        Assert.All(rows, r => Assert.Equal("BreakGlass", r.GetAttribute("data-purpose")));
        Assert.Contains("緊急時閲覧の開始", rows[1].TextContent);
        Assert.Contains("生命・身体の保護のため緊急に必要", rows[1].QuerySelector("[data-testid=log-purpose]")!.TextContent);
    }

    [Fact]
    public void Refused_attempts_show_why()
    {
        Access.Log.Add(FakeAccessSource.Entry(1, Patient, outcome: "denied", reason: "ConsentRevoked"));
        Access.Log.Add(FakeAccessSource.Entry(2, Patient, "break-glass", "ETREAT", "denied", "緊急時閲覧の理由を具体的に入力してください。"));
        var cut = Open();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=log-refused]").Count), Patience);
        var refusals = cut.FindAll("[data-testid=log-refused]").Select(r => r.TextContent).ToList();
        Assert.Contains("拒否: 緊急時閲覧の理由を具体的に入力してください。", refusals[0]);
        Assert.Contains("拒否: 同意が撤回されています", refusals[1]);
    }

    [Fact]
    public async Task A_new_access_appears_on_its_notice_and_leaving_the_page_unsubscribes()
    {
        Access.Log.Add(FakeAccessSource.Entry(1, Patient));
        var cut = Open();
        cut.WaitForElement("[data-testid=access-log-row]", Patience);
        cut.WaitForAssertion(() => Assert.Equal(1, Notices.ActiveLogWatchers), Patience);

        lock (Access.Log)
            Access.Log.Add(FakeAccessSource.Entry(2, Patient, "break-glass", "ETREAT", reason: "BreakGlass"));
        await cut.InvokeAsync(() => Notices.LogChangedAsync(Patient));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=access-log-row]").Count), Patience);
        Assert.NotNull(cut.Find("[data-testid=log-updated]"));
        await DisposeComponentsAsync();
        Assert.Equal(0, Notices.ActiveLogWatchers);
    }

    [Fact]
    public void Staff_who_may_not_open_the_chart_are_told_why_and_not_subscribed()
    {
        Access.LogRefusal = $"患者 {Patient} のアクセス記録を閲覧する権限がありません。";
        var cut = Open();
        cut.WaitForAssertion(() => Assert.Contains("権限がありません", cut.Find("[data-testid=log-forbidden]").TextContent), Patience);
        Assert.Equal(0, Notices.ActiveLogWatchers);
    }
}
