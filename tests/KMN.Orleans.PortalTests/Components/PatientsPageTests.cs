using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace KMN.Orleans.PortalTests.Components;

public sealed class PatientsPageTests : PortalContext
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private IRenderedComponent<Patients> Search(string query, FakeDirectorySource? directory = null)
    {
        UseChartServices(new FakeCurrentStaff(FakeCurrentStaff.Doctor), new FakeChartRecordSource(Records.Yamada()),
            directory ?? new FakeDirectorySource(Profiles.Yamada, Profiles.Takagi, Profiles.Saito));
        Services.AddSingleton<TimeProvider>(FixedClock.AtFixtureToday);
        Services.GetRequiredService<NavigationManager>().NavigateTo("patients?q=" + Uri.EscapeDataString(query));
        // In the circuit (the form is off in the prerendered copy, see PrerenderedSearchTests).
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render<Patients>();
    }

    [Fact]
    public void A_name_without_a_space_finds_the_patient_with_kana_both_calendars_and_age()
    {
        var cut = Search("山田太郎");
        var row = cut.WaitForElement("[data-testid=search-result]", Patience);
        Assert.Contains("山田 太郎", row.TextContent);
        Assert.Contains("ヤマダ タロウ", row.TextContent);
        Assert.Contains("男性", row.TextContent);
        Assert.Contains("1950-04-01（昭和25年4月1日）", row.TextContent);
        Assert.Contains("74歳", row.TextContent);
        Assert.Contains("00012345", row.TextContent); // the caller's own chart number
        Assert.Equal("patients/430000000001", cut.Find("[data-testid=search-open]").GetAttribute("href"));
    }

    [Fact]
    public void Kana_old_kanji_and_chart_numbers_find_patients()
    {
        Assert.Contains("髙木 花子", Search("たかぎ").WaitForElement("[data-testid=search-result]", Patience).TextContent);
    }

    [Fact]
    public void Old_kanji_are_found_by_the_common_form()
    {
        Assert.Contains("髙木 花子", Search("高木").WaitForElement("[data-testid=search-result]", Patience).TextContent);
    }

    [Fact]
    public void A_chart_number_of_the_callers_facility_finds_the_patient()
    {
        Assert.Contains("山田 太郎", Search("00012345").WaitForElement("[data-testid=search-result]", Patience).TextContent);
    }

    [Fact]
    public void No_match_and_an_unsupported_search_say_so()
    {
        Search("存在しない").WaitForElement("[data-testid=search-none]", Patience);
    }

    [Fact]
    public void A_directory_without_name_search_explains_itself()
    {
        Search("山田", new FakeDirectorySource { Supported = false }).WaitForElement("[data-testid=search-unsupported]", Patience);
    }

    [Fact]
    public void The_search_form_puts_the_query_in_the_address()
    {
        var cut = Search("");
        cut.Find("input[data-testid=search-text]").Input("ヤマダ");
        cut.Find("form").Submit();
        Assert.EndsWith("patients?q=%E3%83%A4%E3%83%9E%E3%83%80", Services.GetRequiredService<NavigationManager>().Uri);
    }
}
