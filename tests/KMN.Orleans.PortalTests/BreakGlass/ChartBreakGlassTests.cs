using Microsoft.AspNetCore.Components;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Components.Pages;
using MudBlazor;

namespace KMN.Orleans.PortalTests.BreakGlass;

/// <summary>緊急時閲覧 from a refused chart: who is offered it, refusals in the grain's words, the banner once granted.</summary>
public sealed class ChartBreakGlassTests : AccessContext
{
    private readonly FakeChartRecordSource _records = new(Records.Denied(AccessReason.OutsideConsent));

    private IRenderedComponent<ChartPage> Open(AccessCaller caller)
    {
        UseServices(caller, _records);
        // The grain's grant makes the next read succeed, as the reader would decide.
        Access.OnGranted = () => _records.Next = Records.Yamada();
        // As in the live circuit (the prerender loads nothing); set after the services, which builds the renderer.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render<ChartPage>(p => p.Add(c => c.PatientId, "430000000001"));
    }

    private static async Task AskAsync(IRenderedComponent<ChartPage> cut, BreakGlassReason? reason, string text)
    {
        cut.WaitForElement("[data-testid=break-glass-open]", Patience).Click();
        cut.WaitForElement("[data-testid=break-glass-dialog]", Patience);
        if (reason is { } chosen)
        {
            var group = cut.FindComponent<MudRadioGroup<BreakGlassReason?>>();
            await cut.InvokeAsync(() => group.Instance.ValueChanged.InvokeAsync(chosen));
        }
        cut.Find("textarea[data-testid=break-glass-text]").Input(text);
        cut.Find("[data-testid=break-glass-submit]").Click();
    }

    [Fact]
    public void A_physician_refused_by_the_consent_sees_the_reason_and_the_break_glass_button()
    {
        var cut = Open(FakeCurrentStaff.Doctor);
        cut.WaitForAssertion(() => Assert.Contains("同意の範囲外", cut.Find("[data-testid=chart-denied]").TextContent), Patience);
        cut.WaitForElement("[data-testid=break-glass-open]", Patience).Click();
        var warning = cut.WaitForElement("[data-testid=break-glass-warning]", Patience).TextContent;
        Assert.Contains("記録", warning);
        Assert.Contains("通知", warning);
        Assert.Contains("確認", warning);
        Assert.Equal(4, cut.FindComponents<MudRadio<BreakGlassReason?>>().Count);
        Assert.Contains("意識障害等で本人の同意を確認できない", cut.Find("[data-testid=break-glass-dialog]").TextContent);
    }

    [Fact]
    public async Task An_empty_reason_is_refused_with_the_grains_message_and_the_chart_stays_closed()
    {
        var cut = Open(FakeCurrentStaff.Doctor);
        await AskAsync(cut, BreakGlassReason.LifeThreatening, "   ");

        cut.WaitForAssertion(() => Assert.Equal("緊急時閲覧の理由を具体的に入力してください。",
            cut.Find("[data-testid=break-glass-problem]").TextContent.Trim()), Patience);
        Assert.Single(Access.Requests); // sent, so the grain audits the refusal
        Assert.Null(Access.GrantedUntil);
        Assert.Empty(cut.FindAll("[data-testid=chart-header]"));
    }

    [Fact]
    public async Task A_grant_opens_the_chart_under_a_red_banner_with_the_minutes_left()
    {
        var cut = Open(FakeCurrentStaff.Doctor);
        await AskAsync(cut, BreakGlassReason.Unconscious, "救急搬送、意識レベル低下");

        cut.WaitForElement("[data-testid=chart-header]", Patience);
        var banner = cut.WaitForElement("[data-testid=emergency-banner]", Patience).TextContent;
        Assert.Contains("緊急時閲覧中", banner);
        Assert.Matches("残り 1[45] 分", banner);
        var request = Assert.Single(Access.Requests).Request;
        Assert.Equal((BreakGlassReason.Unconscious, "救急搬送、意識レベル低下"), (request.Reason, request.Text));
        Assert.Equal("patients/430000000001/access-log", cut.Find("[data-testid=chart-access-log]").GetAttribute("href"));
    }

    [Fact]
    public async Task When_the_grant_ends_the_chart_closes_with_the_reason()
    {
        Access.Grant = TimeSpan.FromSeconds(2); // a short grant: the page ticks once at its end
        var cut = Open(FakeCurrentStaff.Doctor);
        await AskAsync(cut, BreakGlassReason.Disaster, "災害拠点病院での診療");
        cut.WaitForElement("[data-testid=emergency-banner]", Patience);
        _records.Next = Records.Denied(AccessReason.OutsideConsent); // what the reader answers once the grant is over

        cut.WaitForAssertion(() => Assert.Contains("同意の範囲外", cut.Find("[data-testid=chart-closed]").TextContent), Patience);
        Assert.NotNull(cut.Find("[data-testid=emergency-ended]"));
    }

    [Fact]
    public void A_pharmacist_is_not_offered_break_glass()
    {
        var cut = Open(Pharmacist);
        cut.WaitForElement("[data-testid=chart-denied]", Patience);
        Assert.Empty(cut.FindAll("[data-testid=break-glass-open]"));
    }

    [Fact]
    public void A_refusal_that_break_glass_cannot_lift_offers_no_button()
    {
        _records.Next = Records.Denied(AccessReason.FacilityInactive);
        var cut = Open(FakeCurrentStaff.Doctor);
        cut.WaitForElement("[data-testid=chart-denied]", Patience);
        Assert.Empty(cut.FindAll("[data-testid=break-glass-open]"));
    }

    [Fact]
    public void A_chart_opened_by_consent_has_no_banner_but_links_its_access_log()
    {
        _records.Next = Records.Yamada();
        var cut = Open(FakeCurrentStaff.Doctor);
        cut.WaitForElement("[data-testid=chart-header]", Patience);
        Assert.Empty(cut.FindAll("[data-testid=emergency-banner]"));
        Assert.NotNull(cut.Find("[data-testid=chart-access-log]"));
    }
}
