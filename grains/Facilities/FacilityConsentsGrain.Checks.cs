using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Grains.Audit;
using KMN.Orleans.Grains.Staff;

namespace KMN.Orleans.Grains.Facilities;

/// <summary>The checks before a change reaches the record grain, and the stored form's lifetime around it.</summary>
public sealed partial class FacilityConsentsGrain
{
    /// <summary>Amend or revoke: this facility's administrator, on a consent this facility registered.</summary>
    private async Task<ConsentReceipt> ChangeAsync(AccessCaller caller, string patientId, string action, ConsentFormUpload? form,
        Func<string?, Task<ConsentReceipt>> change)
    {
        var problem = FacilityAdminCheck.ChangeProblem(caller, Code) ?? PatientIdProblem(patientId) ?? ConsentFormRules.Problem(form);
        if (problem is null && await Record(patientId).GetConsentAsync() is { } current && current.RegisteredByFacility != Code)
            problem = $"患者 {patientId} の同意は施設 {current.RegisteredByFacility} で登録されています。変更は登録した施設で行ってください。";
        if (problem is not null)
            return Refused(patientId, await RefuseAsync(caller, action, patientId, problem));
        return await WithFormAsync(caller, patientId, form, change);
    }

    /// <summary>Stores the form (if any), runs the change, and deletes the form again when the change was refused.</summary>
    private async Task<ConsentReceipt> WithFormAsync(AccessCaller caller, string patientId, ConsentFormUpload? form,
        Func<string?, Task<ConsentReceipt>> change)
    {
        if (form is null)
            return await change(null);
        var id = Guid.NewGuid();
        var reference = await _forms.SaveAsync(id, Code, patientId, form, caller.AccountId, clock.GetUtcNow());
        ConsentReceipt? receipt = null;
        try
        {
            receipt = await change(reference);
            return receipt;
        }
        finally
        {
            if (receipt is not { Succeeded: true })
                await _forms.DeleteAsync(id);
        }
    }

    private static string? RevocationNote(string? note, string? formReference)
    {
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        return formReference is null ? text : text is null ? $"撤回書: {formReference}" : $"{text} (撤回書: {formReference})";
    }

    private static string? PatientIdProblem(string? patientId) =>
        string.IsNullOrWhiteSpace(patientId) ? "患者 (ネットワークID) を指定してください。" : null;

    private string NotRegisteredHere(string patientId) => $"患者 {patientId} の同意はこの施設 ({Code}) で登録されたものではありません。";

    private IPatientRecordGrain Record(string patientId) => GrainFactory.GetGrain<IPatientRecordGrain>(patientId);

    private static ConsentReceipt Refused(string? patientId, string problem) => new(patientId ?? "", 0, null, null, problem);

    private async Task<string> RefuseAsync(AccessCaller caller, string action, string? patientId, string problem)
    {
        var patient = string.IsNullOrWhiteSpace(patientId) ? null : patientId;
        await audit.AppendAsync(AuditRecord.By(caller, clock.GetUtcNow(), AuditTypes.Consent, action, AuditOutcomes.Denied, patient, problem)
            with { Detail = new Dictionary<string, string> { ["facility"] = Code } });
        return problem;
    }
}
