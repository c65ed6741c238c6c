using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Components.FacilityAdmin;
using KMN.Orleans.Web.Components.Pages.FacilityAdmin;
using KMN.Orleans.Web.Services.FacilityAdmin;
using Microsoft.Extensions.DependencyInjection;
using static KMN.Orleans.PortalTests.FacilityAdmin.FakeFacilityAdminService;

namespace KMN.Orleans.PortalTests.FacilityAdmin;

/// <summary>The facility administration tabs over a fake service: what they show, what they send, refusals as given.</summary>
public sealed class FacilityAdminComponentTests : PortalContext
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly AccessCaller Admin = new(Hospital, $"{Hospital}-05", StaffRole.FacilityAdministrator, "管理 一郎");
    private static readonly AccessCaller Operator = new("4300000000", "network-operator-01", StaffRole.NetworkOperator, "運用 太郎");

    private IRenderedComponent<StaffTab> StaffOf(FakeFacilityAdminService fake) =>
        RenderLive<StaffTab>(p => p.Add(c => c.Service, fake).Add(c => c.Facility, Hospital));

    private IRenderedComponent<RoleMatrixTab> MatrixOf(FakeFacilityAdminService fake, bool readOnly = false) =>
        RenderLive<RoleMatrixTab>(p => p.Add(c => c.Service, fake).Add(c => c.Facility, Hospital).Add(c => c.ReadOnly, readOnly));

    private IRenderedComponent<AccessHistoryTab> HistoryOf(FakeFacilityAdminService fake, string facility = Hospital) =>
        RenderLive<AccessHistoryTab>(p => p.Add(c => c.Service, fake).Add(c => c.Facility, facility));

    [Fact]
    public void The_page_shows_the_administrators_own_facility_and_its_staff_list()
    {
        var fake = new FakeFacilityAdminService(Admin);
        Services.AddScoped<IFacilityAdminService>(_ => fake);
        RenderLive<MudBlazor.MudPopoverProvider>();

        var cut = RenderLive<FacilityAdminPage>();

        cut.WaitForAssertion(() => Assert.Contains("熊本中央病院（4311000017）", cut.Find("[data-testid=admin-facility]").TextContent), Patience);
        Assert.Empty(cut.FindAll("[data-testid=facility-picker]"));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=staff-name]").Count), Patience);
    }

    [Fact]
    public void An_operator_picks_the_facility_in_the_address_and_is_told_the_settings_are_read_only()
    {
        var fake = new FakeFacilityAdminService(Operator);
        Services.AddScoped<IFacilityAdminService>(_ => fake);
        RenderLive<MudBlazor.MudPopoverProvider>();
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"facility-admin?facility={Hospital}");

        var cut = RenderLive<FacilityAdminPage>();

        cut.WaitForElement("[data-testid=operator-readonly]", Patience);
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=staff-name]").Count), Patience);
        Assert.Equal([Hospital], fake.StaffAskedFor);
        Assert.Empty(cut.FindAll("[data-testid=admin-facility]"));
    }

    [Fact]
    public void Staff_show_name_kana_role_and_lock_and_a_locked_account_can_be_unlocked()
    {
        var fake = new FakeFacilityAdminService(Admin);
        var cut = StaffOf(fake);

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=staff-name]").Count), Patience);
        var nurseRow = cut.FindAll("tr").First(r => r.TextContent.Contains("熊本 花子"));
        Assert.Contains("クマモト ハナコ", nurseRow.TextContent);
        Assert.Contains("看護師", nurseRow.TextContent);
        Assert.Contains("ロック中", nurseRow.TextContent);

        cut.Find("[data-testid=staff-unlock]").Click();

        cut.WaitForAssertion(() => Assert.Equal([Nurse.AccountId], fake.Unlocked), Patience);
    }

    [Fact]
    public void Unchecking_a_category_marks_the_role_changed_and_saves_that_role_only()
    {
        var fake = new FakeFacilityAdminService(Admin);
        var cut = MatrixOf(fake);
        cut.WaitForElement("[data-testid=role-matrix]", Patience);
        Assert.Empty(cut.FindAll("[data-testid=matrix-changed-Pharmacist]"));

        cut.Find("[data-testid=cell-Pharmacist-LabResults]").Change(false);
        cut.WaitForElement("[data-testid=matrix-changed-Pharmacist]", Patience);
        cut.Find("[data-testid=matrix-save]").Click();

        cut.WaitForAssertion(() => Assert.Single(fake.RoleChanges), Patience);
        var (role, categories) = fake.RoleChanges[0];
        Assert.Equal(StaffRole.Pharmacist, role);
        Assert.DoesNotContain(RecordCategory.LabResults, categories);
        Assert.Contains(RecordCategory.Medications, categories);
    }

    [Fact]
    public void An_operator_sees_the_matrix_but_cannot_change_or_save_it()
    {
        var cut = MatrixOf(new FakeFacilityAdminService(Operator), readOnly: true);
        cut.WaitForElement("[data-testid=role-matrix]", Patience);

        Assert.All(cut.FindAll("[data-testid^=cell-]"), input => Assert.True(input.HasAttribute("disabled")));
        Assert.Empty(cut.FindAll("[data-testid=matrix-save]"));
    }

    [Fact]
    public void A_proxy_without_a_name_shows_the_grains_Japanese_message_and_registers_nothing()
    {
        var fake = new FakeFacilityAdminService(Admin);
        var cut = RenderLive<ConsentRegisterForm>(p => p.Add(c => c.Service, fake).Add(c => c.Facility, Hospital));

        cut.Find("[data-testid=register-patient]").Change("00012345");
        cut.Find("[data-testid=signer-proxy]").Click();
        cut.WaitForElement("[data-testid=register-proxy-relationship]", Patience).Change("長男");
        cut.Find("[data-testid=register-submit]").Click();

        cut.WaitForAssertion(() => Assert.Equal("代理人の署名には代理人の氏名と続柄が必要です。", cut.Find("[data-testid=consent-error]").TextContent.Trim()), Patience);
        Assert.Empty(fake.Registered);
    }

    [Fact]
    public void A_self_signed_consent_by_chart_number_registers_for_all_facilities()
    {
        var fake = new FakeFacilityAdminService(Admin);
        string? registered = null;
        var cut = RenderLive<ConsentRegisterForm>(p => p.Add(c => c.Service, fake).Add(c => c.Facility, Hospital)
            .Add(c => c.Registered, (string patient) => registered = patient));

        cut.Find("[data-testid=register-patient]").Change("00012345");
        cut.Find("[data-testid=register-submit]").Click();

        cut.WaitForAssertion(() => Assert.Equal("430000000001", registered), Patience);
        var consent = Assert.Single(fake.Registered);
        Assert.Equal((ConsentSigner.Self, true), (consent.Signer.Kind, consent.Scope.AllFacilities));
        Assert.NotEqual(default, consent.Date);
    }

    [Fact]
    public void Another_facilitys_access_history_is_refused_with_the_message()
    {
        var cut = HistoryOf(new FakeFacilityAdminService(Admin), Clinic);

        cut.WaitForAssertion(() => Assert.Equal("閲覧できません。", cut.Find("[data-testid=history-problem]").TextContent.Trim()), Patience);
    }

    [Fact]
    public void The_own_access_history_lists_who_read_which_patient()
    {
        var cut = HistoryOf(new FakeFacilityAdminService(Admin));

        cut.WaitForAssertion(() => Assert.Equal("熊本 花子", cut.Find("[data-testid=history-who]").TextContent.Trim()), Patience);
        Assert.Contains("430000000001", cut.Find("[data-testid=history-table]").TextContent);
        Assert.Contains("閲覧", cut.Find("[data-testid=history-table]").TextContent);
    }
}
