using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Tests.Access;

namespace KMN.Orleans.Tests.FacilityAdmin;

/// <summary>
/// The consent desk of a facility's administrator: register with the scanned form, amend, revoke, list; every
/// bad input is a plain Japanese message, stores nothing (no version, no form) and is audited.
/// </summary>
[Collection(AccessCollection.Name)]
public sealed class FacilityConsentTests(AccessFixture fixture)
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. new byte[2048]];

    private static ConsentRegistration Self(ConsentScope scope) =>
        new(new DateOnly(2026, 4, 1), new ConsentSignature(ConsentSigner.Self), scope);

    private static ConsentFormUpload Form(byte[]? content = null, string type = "application/pdf") => new("同意書.pdf", type, content ?? Pdf);

    private async Task<long> VersionsAsync(string patient) => await fixture.CountAsync("kmn_consent_version WHERE network_patient_id = $1", patient);

    private async Task<long> FormsAsync(string patient) => await fixture.CountAsync("kmn_consent_form WHERE network_patient_id = $1", patient);

    private async Task<long> RefusalsAsync(string patient) =>
        await fixture.CountAsync("kmn_audit_event WHERE network_patient_id = $1 AND event_type = 'consent' AND outcome IN ('denied', 'failure')", patient);

    [Fact]
    public async Task Register_with_a_form_amend_revoke_and_list_newest_version_per_patient()
    {
        var world = new AccessWorld(fixture);
        var hospital = await world.FacilityAsync(FacilityKind.Hospital);
        var clinic = await world.FacilityAsync(FacilityKind.Clinic);
        var pharmacy = await world.FacilityAsync(FacilityKind.Pharmacy);
        var patient = await world.PatientAsync();
        var desk = world.Grains.GetGrain<IFacilityConsentsGrain>(hospital.Code);
        var admin = AccessWorld.Admin(hospital.Code);

        var registered = await desk.RegisterAsync(admin, patient, Self(ConsentScope.Only(clinic.Code)), Form());
        var added = await desk.AddFacilitiesAsync(admin, patient, [pharmacy.Code]);
        var removed = await desk.RemoveFacilitiesAsync(admin, patient, [clinic.Code]);
        var revoked = await desk.RevokeAsync(admin, patient, "本人より電話で申出", Form());
        var twice = await desk.RevokeAsync(admin, patient, null, Form());

        Assert.Equal([1, 2, 3, 4], new[] { registered, added, removed, revoked }.Select(r => r.Version));
        Assert.Equal(ConsentChange.Revoked, revoked.Change);
        Assert.Equal("同意は既に撤回されています (版 4)。", twice.Problem);
        Assert.Equal(2, await FormsAsync(patient)); // the registration's and the withdrawal's, not the refused one's
        var history = (await desk.HistoryAsync(admin, patient)).Rows.Select(r => r.Version).ToList();
        Assert.StartsWith(ConsentFormUpload.ReferencePrefix, history[0].FormReference);
        Assert.Contains("撤回書: consent-form:", history[3].Note);
        var form = await desk.GetFormAsync(admin, history[0].FormReference!);
        Assert.Equal(Pdf, form!.Content);
        Assert.Null(await desk.GetFormAsync(AccessWorld.Admin(clinic.Code), history[0].FormReference!));

        var list = await desk.ListAsync(admin, 0, 50);
        var row = Assert.Single(list.Rows, r => r.Version.PatientId == patient);
        Assert.Equal((4, true), (row.Version.Version, row.Version.Revoked));
        Assert.NotNull(row.PatientName);
        Assert.DoesNotContain((await world.Grains.GetGrain<IFacilityConsentsGrain>(clinic.Code).ListAsync(AccessWorld.Admin(clinic.Code), 0, 50)).Rows,
            r => r.Version.PatientId == patient);
    }

    [Fact]
    public async Task Bad_input_gives_a_Japanese_message_and_stores_nothing_but_the_audit_row()
    {
        var world = new AccessWorld(fixture);
        var hospital = await world.FacilityAsync(FacilityKind.Hospital);
        var withdrawn = await world.FacilityAsync(FacilityKind.Clinic, FacilityStatus.Withdrawn);
        var patient = await world.PatientAsync();
        var desk = world.Grains.GetGrain<IFacilityConsentsGrain>(hospital.Code);
        var admin = AccessWorld.Admin(hospital.Code);
        var proxyWithoutName = Self(ConsentScope.All) with { Signer = new ConsentSignature(ConsentSigner.Proxy, null, "長男") };

        var cases = new (ConsentReceipt Receipt, string Message)[]
        {
            (await desk.RegisterAsync(admin, patient, proxyWithoutName, Form()), "代理人の署名には代理人の氏名と続柄が必要です。"),
            (await desk.RegisterAsync(admin, patient, Self(ConsentScope.Only(withdrawn.Code)), Form()), "退会しているため"),
            (await desk.RegisterAsync(admin, patient, Self(ConsentScope.Only("4399999999")), Form()), "ネットワークに登録されていません"),
            (await desk.RegisterAsync(admin, patient, Self(ConsentScope.All), Form([1, 2, 3])), "内容が形式"),
            (await desk.RegisterAsync(admin, patient, Self(ConsentScope.All), Form(new byte[ConsentFormUpload.MaxBytes + 1])), "10 MB"),
            (await desk.RegisterAsync(AccessWorld.Admin(withdrawn.Code), patient, Self(ConsentScope.All), Form()), "この施設の施設管理者のみ"),
            (await desk.RegisterAsync(AccessWorld.Staff(hospital.Code, StaffRole.Physician), patient, Self(ConsentScope.All), null), "施設管理者のみ"),
            (await desk.RevokeAsync(admin, patient, null, null), "この患者の同意は登録されていません。"),
        };

        Assert.All(cases, c => Assert.Contains(c.Message, c.Receipt.Problem));
        Assert.Equal(0, await VersionsAsync(patient));
        Assert.Equal(0, await FormsAsync(patient));
        Assert.Equal(cases.Length, await RefusalsAsync(patient));

        var unknown = TestPatientId();
        var forUnknown = await desk.RegisterAsync(admin, unknown, Self(ConsentScope.All), Form());
        Assert.Equal($"患者 {unknown} はネットワークに登録されていません。", forUnknown.Problem);
        Assert.Equal(0, await FormsAsync(unknown));
    }

    [Fact]
    public async Task A_consent_registered_elsewhere_is_not_amended_here_and_operators_only_look()
    {
        var world = new AccessWorld(fixture);
        var hospital = await world.FacilityAsync(FacilityKind.Hospital);
        var clinic = await world.FacilityAsync(FacilityKind.Clinic);
        var patient = await world.PatientAsync();
        await world.RegisterAsync(patient, clinic.Code, ConsentScope.All);
        var desk = world.Grains.GetGrain<IFacilityConsentsGrain>(hospital.Code);

        var revoke = await desk.RevokeAsync(AccessWorld.Admin(hospital.Code), patient, null, null);
        var history = await desk.HistoryAsync(AccessWorld.Admin(hospital.Code), patient);
        var byOperator = await world.Grains.GetGrain<IFacilityConsentsGrain>(clinic.Code).RevokeAsync(AccessWorld.Operator, patient, null, null);
        var operatorList = await world.Grains.GetGrain<IFacilityConsentsGrain>(clinic.Code).ListAsync(AccessWorld.Operator, 0, 10);

        Assert.Contains($"施設 {clinic.Code} で登録されています", revoke.Problem);
        Assert.NotNull(history.Problem);
        Assert.NotNull(byOperator.Problem);
        Assert.Contains(operatorList.Rows, r => r.Version.PatientId == patient);
        Assert.False((await world.Record(patient).GetConsentAsync())!.Revoked);
    }

    private static string TestPatientId() => KMN.Orleans.Tests.Support.TestKeys.NextPatientId();
}
