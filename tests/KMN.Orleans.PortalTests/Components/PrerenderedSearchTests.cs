using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Network;
using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Components.Pages;
using KMN.Orleans.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace KMN.Orleans.PortalTests.Components;

/// <summary>
/// Search boxes are off in the prerendered copy of a page and on in the circuit: the circuit's first render
/// replaces the prerendered copy, so anything typed into it would vanish (the lost-typing flake of the facility
/// search). The browser tests in Pages/EarlyInputTests type into a page before it is live.
/// </summary>
public sealed class PrerenderedSearchTests : PortalContext
{
    private static readonly RendererInfo Prerender = new("Static", isInteractive: false);
    private static readonly RendererInfo Circuit = new("Server", isInteractive: true);

    private static readonly FacilitySummary[] Facilities =
    [
        new("4310000001", "熊本中央病院", FacilityKind.Hospital, "熊本市", true, FacilityStatus.Active),
        new("4340000001", "水前寺薬局", FacilityKind.Pharmacy, "熊本市", true, FacilityStatus.Active),
    ];

    private IRenderedComponent<FacilityTable> FacilityTable(RendererInfo renderer)
    {
        SetRendererInfo(renderer);
        return Render<FacilityTable>(p => p.Add(c => c.Facilities, Facilities));
    }

    private IRenderedComponent<Patients> PatientSearch(RendererInfo renderer)
    {
        UseChartServices(new FakeCurrentStaff(FakeCurrentStaff.Doctor), new FakeChartRecordSource(Records.Yamada()));
        Services.GetRequiredService<NavigationManager>().NavigateTo("patients");
        SetRendererInfo(renderer);
        return Render<Patients>();
    }

    [Fact]
    public void The_prerendered_facility_search_cannot_be_typed_into()
    {
        Assert.True(FacilityTable(Prerender).Find("input[data-testid=facility-search]").HasAttribute("disabled"));
    }

    [Fact]
    public void The_live_facility_search_filters()
    {
        var cut = FacilityTable(Circuit);
        var box = cut.Find("input[data-testid=facility-search]");
        Assert.False(box.HasAttribute("disabled"));

        box.Input("薬局");

        Assert.Equal(["薬局"], cut.FindAll("[data-testid=facility-kind]").Select(k => k.TextContent.Trim()));
    }

    [Fact]
    public void The_prerendered_patient_search_can_neither_be_typed_into_nor_sent()
    {
        var cut = PatientSearch(Prerender);
        Assert.True(cut.Find("input[data-testid=search-text]").HasAttribute("disabled"));
        Assert.True(cut.Find("input[data-testid=search-birth]").HasAttribute("disabled"));
        Assert.True(cut.Find("button[data-testid=search-submit]").HasAttribute("disabled"));
    }

    [Fact]
    public void The_live_patient_search_can_be_typed_into_and_sent()
    {
        var cut = PatientSearch(Circuit);
        Assert.False(cut.Find("input[data-testid=search-text]").HasAttribute("disabled"));
        Assert.False(cut.Find("button[data-testid=search-submit]").HasAttribute("disabled"));
    }
}
