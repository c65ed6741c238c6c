using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Tests.Access;

/// <summary>Versioned consent: every change a new version with who and when; bad input refused, unchanged, audited.</summary>
[Collection(AccessCollection.Name)]
public sealed class ConsentTests(AccessFixture fixture)
{
    [Fact]
    public async Task Register_add_remove_and_revoke_make_versions_that_stay_readable()
    {
        var world = new AccessWorld(fixture);
        var (hospital, clinic, pharmacy) = (await world.FacilityAsync(FacilityKind.Hospital), await world.FacilityAsync(FacilityKind.Clinic),
            await world.FacilityAsync(FacilityKind.Pharmacy));
        var patient = await world.PatientAsync();
        var record = world.Record(patient);
        var clerk = AccessWorld.Staff(hospital.Code, StaffRole.Clerk);

        var proxy = new ConsentSignature(ConsentSigner.Proxy, "緒方 一郎", "長男");
        var registered = await record.RegisterConsentAsync(clerk,
            new ConsentRegistration(new DateOnly(2026, 5, 1), proxy, ConsentScope.Only(clinic.Code), "attachment:form-123"));
        var added = await record.AddConsentFacilitiesAsync(clerk, [pharmacy.Code]);
        var removed = await record.RemoveConsentFacilitiesAsync(clerk, [clinic.Code]);
        var revoked = await record.RevokeConsentAsync(AccessWorld.Staff(pharmacy.Code, StaffRole.Pharmacist), "本人より全部撤回の申し出");

        Assert.Equal([1, 2, 3, 4], new[] { registered, added, removed, revoked }.Select(r => r.Version));
        Assert.Equal(ConsentChange.Revoked, revoked.Change);
        var history = await record.GetConsentHistoryAsync();
        Assert.Equal([ConsentChange.Registered, ConsentChange.FacilitiesAdded, ConsentChange.FacilitiesRemoved, ConsentChange.Revoked],
            history.Select(v => v.Change));
        Assert.Equal([clinic.Code, pharmacy.Code], history[1].Scope.Facilities.Order());
        Assert.Equal([pharmacy.Code], history[2].Scope.Facilities.ToArray());
        Assert.All(history, v => Assert.Equal((proxy, hospital.Code, "attachment:form-123"), (v.Signer, v.RegisteredByFacility, v.FormReference)));
        Assert.Equal((pharmacy.Code, pharmacy.Code + "-03"), (history[3].ChangedByFacility, history[3].ChangedByAccount));
        Assert.True(history[3].Revoked);
        Assert.Empty(await record.GetConsentsAsync());
        Assert.Equal(4, await fixture.CountAsync("kmn_audit_event WHERE network_patient_id = $1 AND event_type = 'consent' AND outcome = 'success'", patient));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_reason_changes_nothing_and_is_audited()
    {
        var world = new AccessWorld(fixture);
        var hospital = await world.FacilityAsync(FacilityKind.Hospital);
        var withdrawn = await world.FacilityAsync(FacilityKind.Clinic, FacilityStatus.Withdrawn);
        var patient = await world.PatientAsync();
        var record = world.Record(patient);
        var clerk = AccessWorld.Staff(hospital.Code, StaffRole.Clerk);
        ConsentRegistration Form(ConsentSignature signer, ConsentScope scope) => new(new DateOnly(2026, 5, 1), signer, scope);
        var self = new ConsentSignature(ConsentSigner.Self);

        var problems = new List<(string Case, ConsentReceipt Receipt, string Expected)>
        {
            ("unknown patient", await world.Record("990999999999").RegisterConsentAsync(clerk, Form(self, ConsentScope.All)), "登録されていません"),
            ("unknown facility in scope", await record.RegisterConsentAsync(clerk, Form(self, ConsentScope.Only("4319999999"))), "4319999999"),
            ("unknown registering facility", await record.RegisterConsentAsync(AccessWorld.Staff("4319999998", StaffRole.Clerk), Form(self, ConsentScope.All)), "4319999998"),
            ("signer missing", await record.RegisterConsentAsync(clerk, Form(null!, ConsentScope.All)), "署名者"),
            ("proxy without name", await record.RegisterConsentAsync(clerk, Form(new ConsentSignature(ConsentSigner.Proxy), ConsentScope.All)), "代理人"),
            ("empty scope", await record.RegisterConsentAsync(clerk, Form(self, new ConsentScope(false, []))), "範囲"),
            ("withdrawn facility", await record.RegisterConsentAsync(clerk, Form(self, ConsentScope.Only(withdrawn.Code))), "退会"),
            ("revoke without consent", await record.RevokeConsentAsync(clerk, null), "登録されていません"),
        };
        Assert.Empty(await record.GetConsentHistoryAsync());

        await world.RegisterAsync(patient, hospital.Code, ConsentScope.All);
        problems.Add(("remove from all", await record.RemoveConsentFacilitiesAsync(clerk, [hospital.Code]), "全参加施設"));
        Assert.True((await record.RevokeConsentAsync(clerk, null)).Succeeded);
        problems.Add(("revoke twice", await record.RevokeConsentAsync(clerk, null), "既に撤回"));
        problems.Add(("add after revoke", await record.AddConsentFacilitiesAsync(clerk, [hospital.Code]), "既に撤回"));

        Assert.All(problems, p =>
        {
            Assert.False(p.Receipt.Succeeded, p.Case);
            Assert.Contains(p.Expected, p.Receipt.Problem, StringComparison.Ordinal);
        });
        Assert.Equal(2, (await record.GetConsentHistoryAsync()).Length);
        Assert.Equal(problems.Count - 1, await fixture.CountAsync(
            "kmn_audit_event WHERE network_patient_id = $1 AND event_type = 'consent' AND outcome = 'failure'", patient));
    }

    [Fact]
    public async Task A_consent_in_an_upload_becomes_a_version_and_resending_it_never_undoes_a_revocation()
    {
        var world = new AccessWorld(fixture);
        var clinic = await world.FacilityAsync(FacilityKind.Clinic);
        var pharmacy = await world.FacilityAsync(FacilityKind.Pharmacy);
        var ingest = world.Grains.GetGrain<IClinicalIngestGrain>(0);
        var chart = new BusinessIdentifier("urn:kmn:chart:" + clinic.Code, "C-" + Guid.NewGuid().ToString("N")[..8]);
        var grant = new ConsentGrant(new DateOnly(2026, 6, 1), ConsentSigner.Self, false, [pharmacy.Code], clinic.Code, "consent-1");
        UploadRequest Upload(ImmutableArray<ConsentGrant> consents) => new(Guid.NewGuid(), clinic.Code, chart, [], consents);

        var first = await ingest.UploadAsync(Upload([grant]));
        Assert.Equal(UploadStatus.Stored, first.Status);
        var record = world.Record(first.NetworkPatientId!);
        var version = await record.GetConsentAsync();
        Assert.Equal((1, ConsentChange.Uploaded, clinic.Code), (version!.Version, version.Change, version.RegisteredByFacility));
        Assert.True(version.Permits(pharmacy.Code));

        await ingest.UploadAsync(Upload([grant]));
        Assert.Equal(1, (await record.GetConsentAsync())!.Version); // the same scope again: no new version
        Assert.True((await record.RevokeConsentAsync(AccessWorld.Staff(clinic.Code, StaffRole.Clerk), null)).Succeeded);
        await ingest.UploadAsync(Upload([grant])); // the EMR sends the old Consent resource again
        var after = await record.GetConsentAsync();
        Assert.Equal((2, true), (after!.Version, after.Revoked));
        Assert.Equal(UploadStatus.ConsentRequired, (await ingest.UploadAsync(Upload([]))).Status);

        // A form signed after the revocation (today) registers again.
        var renewed = await ingest.UploadAsync(Upload([grant with { Date = DateOnly.FromDateTime(DateTime.Now), ResourceId = "consent-2" }]));
        Assert.Equal(UploadStatus.Stored, renewed.Status);
        Assert.Equal((3, false), ((await record.GetConsentAsync())!.Version, (await record.GetConsentAsync())!.Revoked));
    }
}
