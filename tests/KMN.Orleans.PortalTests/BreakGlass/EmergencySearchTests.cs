using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace KMN.Orleans.PortalTests.BreakGlass;

/// <summary>The 緊急時閲覧 path of the patient search: offered to physicians, kept in the address, refused to others.</summary>
public sealed class EmergencySearchTests : AccessContext
{
    private IRenderedComponent<Patients> Search(AccessCaller caller, string address)
    {
        UseServices(caller);
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render<Patients>();
    }

    [Fact]
    public void A_physician_is_offered_the_emergency_search_and_it_stays_in_the_address()
    {
        var cut = Search(FakeCurrentStaff.Doctor, "patients?q=" + Uri.EscapeDataString("山田") + "&scope=emergency");
        cut.WaitForElement("[data-testid=search-emergency-note]", Patience);
        Assert.NotNull(cut.Find("[data-testid=search-emergency]"));

        cut.Find("form").Submit();

        Assert.Contains("scope=emergency", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void A_layout_re_render_keeps_what_is_being_typed()
    {
        var cut = Search(FakeCurrentStaff.Doctor, "patients");
        cut.Find("input[data-testid=search-text]").Input("ヤマダ");
        cut.Render(); // as when the sign-in is revalidated and the layout renders again

        cut.Find("form").Submit();

        Assert.EndsWith("patients?q=%E3%83%A4%E3%83%9E%E3%83%80", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void The_ordinary_search_has_no_emergency_note()
    {
        var cut = Search(FakeCurrentStaff.Doctor, "patients?q=" + Uri.EscapeDataString("山田"));
        cut.WaitForElement("[data-testid=search-result]", Patience);
        Assert.Empty(cut.FindAll("[data-testid=search-emergency-note]"));
    }

    [Fact]
    public void Others_get_no_switch_and_a_direct_emergency_search_is_refused()
    {
        var cut = Search(Pharmacist, "patients?q=" + Uri.EscapeDataString("山田") + "&scope=emergency");
        cut.WaitForAssertion(() => Assert.Contains("医師のみ", cut.Find("[data-testid=search-emergency-refused]").TextContent), Patience);
        Assert.Empty(cut.FindAll("[data-testid=search-emergency]"));
    }
}
