using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Grains.Audit;
using KMN.Orleans.Grains.Staff;
using Npgsql;
using Orleans.Concurrency;

namespace KMN.Orleans.Grains.Facilities;

/// <summary>
/// A facility administrator's consent desk. Checks that the caller acts for this facility (and, for changes,
/// that the consent is this facility's), then hands the change to the patient's record grain, which validates
/// and versions it. A scanned form is stored first and deleted again if the record grain refuses, so a refused
/// change leaves only its audit row. Stateless: any silo answers.
/// </summary>
[StatelessWorker]
public sealed partial class FacilityConsentsGrain(NpgsqlDataSource dataSource, IAuditTrail audit, TimeProvider clock)
    : Grain, IFacilityConsentsGrain
{
    private const int MaxPage = 200;
    private readonly ConsentFormStore _forms = new(dataSource);
    private readonly FacilityConsentQueries _queries = new(dataSource);

    private string Code => this.GetPrimaryKeyString();

    public async Task<FacilityConsentPage> ListAsync(AccessCaller caller, int offset, int limit)
    {
        if (FacilityAdminCheck.ViewProblem(caller, Code) is { } problem)
            return FacilityConsentPage.Refused(await RefuseAsync(caller, "consent-list", null, problem));
        return await _queries.PageAsync(Code, Math.Max(0, offset), Math.Clamp(limit, 1, MaxPage));
    }

    public async Task<FacilityConsentPage> HistoryAsync(AccessCaller caller, string patientId)
    {
        var problem = FacilityAdminCheck.ViewProblem(caller, Code) ?? PatientIdProblem(patientId);
        if (problem is not null)
            return FacilityConsentPage.Refused(await RefuseAsync(caller, "consent-history", null, problem));
        var history = await Record(patientId).GetConsentHistoryAsync();
        if (!FacilityAdminCheck.IsOperator(caller) && history.All(v => v.RegisteredByFacility != Code))
            return FacilityConsentPage.Refused(await RefuseAsync(caller, "consent-history", patientId, NotRegisteredHere(patientId)));
        return new FacilityConsentPage([.. history.Select(v => new FacilityConsentRow(v, null, null))], false, null);
    }

    public async Task<ConsentReceipt> RegisterAsync(AccessCaller caller, string patientId, ConsentRegistration registration,
        ConsentFormUpload? form)
    {
        const string action = "consent-register";
        var problem = FacilityAdminCheck.ChangeProblem(caller, Code) ?? PatientIdProblem(patientId) ?? ConsentFormRules.Problem(form);
        if (problem is not null)
            return Refused(patientId, await RefuseAsync(caller, action, patientId, problem));
        return await WithFormAsync(caller, patientId, form, reference =>
            Record(patientId).RegisterConsentAsync(caller, registration with { FormReference = reference ?? registration.FormReference }));
    }

    public Task<ConsentReceipt> AddFacilitiesAsync(AccessCaller caller, string patientId, ImmutableArray<string> facilities) =>
        ChangeAsync(caller, patientId, "consent-add", null, _ => Record(patientId).AddConsentFacilitiesAsync(caller, facilities));

    public Task<ConsentReceipt> RemoveFacilitiesAsync(AccessCaller caller, string patientId, ImmutableArray<string> facilities) =>
        ChangeAsync(caller, patientId, "consent-remove", null, _ => Record(patientId).RemoveConsentFacilitiesAsync(caller, facilities));

    public Task<ConsentReceipt> RevokeAsync(AccessCaller caller, string patientId, string? note, ConsentFormUpload? form) =>
        ChangeAsync(caller, patientId, "consent-revoke", form, reference =>
            Record(patientId).RevokeConsentAsync(caller, RevocationNote(note, reference)));

    public async Task<StoredConsentForm?> GetFormAsync(AccessCaller caller, string reference)
    {
        if (ConsentFormStore.IdOf(reference) is not { } id || await _forms.ReadAsync(id) is not { } form)
            return null;
        if (FacilityAdminCheck.ViewProblem(caller, form.FacilityCode) is { } problem)
        {
            await RefuseAsync(caller, "consent-form", form.PatientId, problem);
            return null;
        }
        await audit.AppendAsync(AuditRecord.By(caller, clock.GetUtcNow(), AuditTypes.Consent, "consent-form", AuditOutcomes.Success,
            form.PatientId) with { Query = reference });
        return form;
    }
}
