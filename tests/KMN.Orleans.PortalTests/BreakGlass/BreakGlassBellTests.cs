using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Components.BreakGlass;
using Microsoft.Extensions.DependencyInjection;

namespace KMN.Orleans.PortalTests.BreakGlass;

/// <summary>The layout's bell: who hears which alerts, a snackbar and a list entry per alert, unsubscribed on dispose.</summary>
public sealed class BreakGlassBellTests : AccessContext
{
    private IRenderedComponent<BreakGlassBell> Render(AccessCaller caller)
    {
        UseServices(caller);
        Render<MudBlazor.MudPopoverProvider>();
        Render<MudBlazor.MudSnackbarProvider>();
        return Render<BreakGlassBell>();
    }

    [Fact]
    public async Task An_operator_hears_the_networks_alerts_and_sees_them_listed()
    {
        var cut = Render(Operator);
        cut.WaitForAssertion(() => Assert.Equal(["network"], Notices.AlertKeys), Patience);

        await cut.InvokeAsync(() => Notices.AlertAsync("network", FakeAccessSource.Review(9, "430000000006").Opening));

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find(".mud-badge").TextContent.Trim()), Patience);
        var snackbar = Services.GetRequiredService<MudBlazor.ISnackbar>();
        var message = Assert.Single(snackbar.ShownSnackbars).Message;
        Assert.Contains("熊本 一郎", message);
        Assert.Contains("430000000006", message);
    }

    [Fact]
    public void A_facility_administrator_hears_their_facilitys_alerts()
    {
        var cut = Render(Administrator);
        cut.WaitForAssertion(() => Assert.Equal([ChartFixtures.Clinic], Notices.AlertKeys), Patience);
        Assert.NotNull(cut.Find("[data-testid=alert-bell]"));
    }

    [Fact]
    public void A_physician_has_no_bell()
    {
        var cut = Render(FakeCurrentStaff.Doctor);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=alert-bell]")), Patience);
        Assert.Empty(Notices.AlertKeys);
    }

    [Fact]
    public async Task Disposing_the_layout_unsubscribes()
    {
        var cut = Render(Operator);
        cut.WaitForAssertion(() => Assert.Single(Notices.AlertKeys), Patience);
        await DisposeComponentsAsync();
        Assert.Empty(Notices.AlertKeys);
    }
}
