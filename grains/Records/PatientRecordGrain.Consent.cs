using System.Collections.Immutable;
using System.Globalization;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Grains.Access;
using KMN.Orleans.Grains.Audit;

namespace KMN.Orleans.Grains.Records;

/// <summary>The consent: versioned changes, each checked, written with its audit row, then applied in memory.</summary>
public sealed partial class PatientRecordGrain
{
    public Task<ConsentVersion?> GetConsentAsync() => Task.FromResult(_current);

    public Task<ImmutableArray<ConsentVersion>> GetConsentHistoryAsync() => consents.HistoryAsync(PatientId);

    public async Task<ConsentReceipt> RegisterConsentAsync(AccessCaller by, ConsentRegistration registration)
    {
        const string action = "consent-register";
        var problem = ConsentRules.Signer(registration.Signer) ?? ConsentRules.Scope(registration.Scope)
            ?? ConsentRules.Date(registration.Date, DateOnly.FromDateTime(clock.GetLocalNow().DateTime))
            ?? await ChangerProblemAsync(by) ?? await PatientProblemAsync() ?? await FacilitiesProblemAsync(registration.Scope.Facilities);
        if (problem is not null)
            return await RefuseAsync(by, action, problem);
        var scope = registration.Scope.AllFacilities ? ConsentScope.All : ConsentScope.Only([.. registration.Scope.Facilities]);
        return await CommitAsync(by, action, Next(by, ConsentChange.Registered) with
        {
            ConsentDate = registration.Date, Signer = registration.Signer, Scope = scope, Revoked = false,
            RegisteredByFacility = by.FacilityCode, RegisteredByAccount = by.AccountId, FormReference = registration.FormReference,
            FhirResourceId = null, Note = null,
        });
    }

    public async Task<ConsentReceipt> AddConsentFacilitiesAsync(AccessCaller by, ImmutableArray<string> facilities)
    {
        const string action = "consent-add";
        var problem = StandingProblem() ?? NonEmpty(facilities) ?? await ChangerProblemAsync(by) ?? await FacilitiesProblemAsync(facilities);
        if (problem is not null)
            return await RefuseAsync(by, action, problem);
        var current = _current!;
        var added = facilities.Except(current.Scope.Facilities).ToArray();
        if (current.Scope.AllFacilities || added.Length == 0)
            return Unchanged();
        return await CommitAsync(by, action, Next(by, ConsentChange.FacilitiesAdded) with
        {
            Scope = ConsentScope.Only([.. current.Scope.Facilities, .. added]),
        });
    }

    public async Task<ConsentReceipt> RemoveConsentFacilitiesAsync(AccessCaller by, ImmutableArray<string> facilities)
    {
        const string action = "consent-remove";
        var problem = StandingProblem() ?? NonEmpty(facilities) ?? await ChangerProblemAsync(by)
            ?? (_current!.Scope.AllFacilities
                ? "全参加施設への同意から個別の施設は除けません。範囲を施設の一覧で登録し直してください。"
                : facilities.FirstOrDefault(f => !_current.Scope.Facilities.Contains(f)) is { } absent
                    ? $"施設 {absent} は同意の範囲に含まれていません。"
                    : null);
        if (problem is not null)
            return await RefuseAsync(by, action, problem);
        return await CommitAsync(by, action, Next(by, ConsentChange.FacilitiesRemoved) with
        {
            Scope = ConsentScope.Only([.. _current!.Scope.Facilities.Except(facilities)]),
        });
    }

    public async Task<ConsentReceipt> RevokeConsentAsync(AccessCaller by, string? note)
    {
        const string action = "consent-revoke";
        var problem = StandingProblem() ?? await ChangerProblemAsync(by);
        if (problem is not null)
            return await RefuseAsync(by, action, problem);
        return await CommitAsync(by, action, Next(by, ConsentChange.Revoked) with { Revoked = true, Note = note });
    }

    /// <summary>
    /// Turns consents that arrived in uploads (kmn_consent) into versions. An upload never narrows a standing
    /// consent: its facilities are added. After a revocation only a consent signed on or after the day of the
    /// revocation registers again: an EMR re-sending the old Consent resource must not undo 全部撤回.
    /// </summary>
    private async Task ImportUploadedConsentsAsync()
    {
        foreach (var uploaded in await consents.PendingUploadsAsync(PatientId, _uploadsSeenThrough))
        {
            _uploadsSeenThrough = uploaded.Seq;
            var grant = uploaded.Grant;
            var by = AccessCaller.FacilitySystem(grant.RegisteredByFacility);
            var scope = grant.AllFacilities ? ConsentScope.All : ConsentScope.Only([.. grant.PermittedFacilities]);
            ConsentVersion next;
            if (_current is { Revoked: false } current)
            {
                var merged = current.Scope.AllFacilities || scope.AllFacilities ? ConsentScope.All
                    : ConsentScope.Only([.. current.Scope.Facilities.Union(scope.Facilities)]);
                if (merged.SameAs(current.Scope))
                    continue;
                next = Next(by, ConsentChange.Uploaded) with { Scope = merged, FhirResourceId = grant.ResourceId };
            }
            else
            {
                if (_current is { Revoked: true } revoked && !await SignedAfterRevocationAsync(grant, revoked))
                    continue;
                next = Next(by, ConsentChange.Uploaded) with
                {
                    ConsentDate = grant.Date, Signer = new ConsentSignature(grant.Signer), Scope = scope, Revoked = false,
                    RegisteredByFacility = grant.RegisteredByFacility, RegisteredByAccount = null, FormReference = null,
                    FhirResourceId = grant.ResourceId, Note = null,
                };
            }
            await CommitAsync(by, "consent-upload", next, uploaded.Seq);
        }
    }

    private async Task<bool> SignedAfterRevocationAsync(ConsentGrant grant, ConsentVersion revoked) =>
        grant.Date >= DateOnly.FromDateTime(revoked.ChangedAt.ToOffset(clock.GetLocalNow().Offset).DateTime)
        && !(await consents.HistoryAsync(PatientId)).Any(v => grant.ResourceId is not null && v.FhirResourceId == grant.ResourceId
            && v.RegisteredByFacility == grant.RegisteredByFacility && v.ConsentDate == grant.Date);

    /// <summary>The next version: a copy of the current one (or an empty one) stamped with who and when.</summary>
    private ConsentVersion Next(AccessCaller by, ConsentChange change) =>
        (_current ?? new ConsentVersion(PatientId, 0, change, default, "", null, default, new ConsentSignature(ConsentSigner.Self),
            new ConsentScope(false, []), false, by.FacilityCode, by.AccountId, null, null, null))
        with
        {
            Version = (_current?.Version ?? 0) + 1, Change = change, ChangedAt = clock.GetUtcNow(),
            ChangedByFacility = by.FacilityCode, ChangedByAccount = by.AccountId, Note = null,
        };

    private async Task<ConsentReceipt> CommitAsync(AccessCaller by, string action, ConsentVersion next, long? sourceSeq = null)
    {
        var record = AuditRecord.By(by, next.ChangedAt, AuditTypes.Consent, action, AuditOutcomes.Success, PatientId) with
        {
            Query = $"Consent v{next.Version.ToString(CultureInfo.InvariantCulture)}",
            Detail = new Dictionary<string, string>
            {
                ["version"] = next.Version.ToString(CultureInfo.InvariantCulture),
                ["scope"] = next.Revoked ? "revoked" : next.Scope.AllFacilities ? "all" : string.Join(',', next.Scope.Facilities),
                ["signer"] = ConsentSignerText.ToText(next.Signer.Kind),
            },
        };
        try
        {
            await consents.AppendAsync(next, sourceSeq, record);
        }
        catch
        {
            DeactivateOnIdle(); // another activation may have written this version: reload the truth next time
            throw;
        }
        _current = next;
        await PublishChangeAsync(RecordChangeKind.ConsentChanged, by.FacilityCode);
        return new ConsentReceipt(PatientId, next.Version, next.Change, next.ChangedAt, null);
    }

    private async Task<ConsentReceipt> RefuseAsync(AccessCaller by, string action, string problem)
    {
        await audit.AppendAsync(AuditRecord.By(by, clock.GetUtcNow(), AuditTypes.Consent, action, AuditOutcomes.Failure, PatientId, problem));
        return new ConsentReceipt(PatientId, _current?.Version ?? 0, null, null, problem);
    }

    private ConsentReceipt Unchanged() => new(PatientId, _current!.Version, null, null, null);

    private string? StandingProblem() => _current switch
    {
        null => "この患者の同意は登録されていません。",
        { Revoked: true } => $"同意は既に撤回されています (版 {_current.Version})。",
        _ => null,
    };

    private static string? NonEmpty(ImmutableArray<string> facilities) =>
        facilities.IsDefaultOrEmpty ? "施設を1つ以上指定してください。" : null;

    /// <summary>Who changes a consent: staff (or the system) of a registered, active facility.</summary>
    private async Task<string?> ChangerProblemAsync(AccessCaller by)
    {
        var facility = await GrainFactory.GetGrain<IFacilityGrain>(by.FacilityCode).GetAccessProfileAsync();
        return facility switch
        {
            null => $"施設 {by.FacilityCode} はネットワークに登録されていません。",
            { Status: not FacilityStatus.Active } => $"施設 {by.FacilityCode} は有効ではありません。",
            _ => null,
        };
    }

    private async Task<string?> PatientProblemAsync() =>
        await GrainFactory.GetGrain<IPatientGrain>(PatientId).GetProfileAsync() is not null || await consents.HasIdentityAsync(PatientId)
            ? null
            : $"患者 {PatientId} はネットワークに登録されていません。";

    /// <summary>Every facility named in a scope must be registered and not withdrawn (退会).</summary>
    private async Task<string?> FacilitiesProblemAsync(ImmutableArray<string> facilities)
    {
        if (facilities.IsDefaultOrEmpty)
            return null;
        var profiles = await Task.WhenAll(facilities.Distinct().Select(async code =>
            (Code: code, Profile: await GrainFactory.GetGrain<IFacilityGrain>(code).GetAccessProfileAsync())));
        return profiles.FirstOrDefault(p => p.Profile is null) is { Code: { } unknown }
            ? $"施設 {unknown} はネットワークに登録されていません。"
            : profiles.FirstOrDefault(p => p.Profile!.Status == FacilityStatus.Withdrawn) is { Code: { } withdrawn }
                ? $"施設 {withdrawn} は退会しているため、同意の範囲に含められません。"
                : null;
    }
}
