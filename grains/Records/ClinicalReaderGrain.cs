using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Grains.Access;
using KMN.Orleans.Grains.Audit;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Streams;

namespace KMN.Orleans.Grains.Records;

/// <summary>
/// Answers reads. Every call asks the patient's record grain for the access decision (never a cached one),
/// filters by category and source facility, writes the audit row durably and only then returns the rows: if
/// the audit row cannot be written the read fails, so nothing is ever shown unrecorded. After the row is
/// committed it tells an open access-log page (<see cref="AccessLogStreams"/>); that push is best effort.
/// </summary>
[StatelessWorker]
public sealed class ClinicalReaderGrain(RecordQueries queries, IAuditTrail audit, TimeProvider clock, ILogger<ClinicalReaderGrain> log)
    : Grain, IClinicalReaderGrain
{
    public async Task<RecordPage> EverythingAsync(EverythingQuery query)
    {
        var what = $"Patient/{query.PatientId}/$everything offset={query.Offset}";
        var (patient, decision) = await DecideAsync(query.Caller, query.PatientId);
        if (decision is not { Granted: true })
            return await DeniedAsync(query.Caller, "read", patient, decision, what);
        if (query.Conditional)
            return await ConditionalEverythingAsync(query, decision, what);
        var (page, total) = await queries.EverythingAsync(patient!, query, AccessFilter.From(decision));
        return await ReturnAsync(query.Caller, "read", decision, what, page, total);
    }

    /// <summary>
    /// The page's versions first (no JSON); the caller's copy is current when its tag matches. The audit row is the
    /// same as a full read's (the caller shows those resources again), and only a changed page carries its JSON.
    /// </summary>
    private async Task<RecordPage> ConditionalEverythingAsync(EverythingQuery query, AccessDecision decision, string what)
    {
        var (versions, total) = await queries.EverythingVersionsAsync(decision.PatientId, query, AccessFilter.From(decision));
        var tag = PageTag.Of(versions, total);
        if (tag == query.IfNoneMatch)
        {
            await AuditReadAsync(query.Caller, "read", decision, what + " (unchanged)", [.. versions.Select(v => v.Category)]);
            return new RecordPage(ReadStatus.Ok, [], total, decision.PatientId, null, decision.Hidden, tag, NotModified: true);
        }
        var rows = await queries.RowsAsync(versions);
        return await ReturnAsync(query.Caller, "read", decision, what, rows, total) with { ETag = tag };
    }

    public async Task<RecordPage> SearchObservationsAsync(ObservationQuery query)
    {
        var what = $"Observation?patient={query.PatientId}&code={query.CodeSystem}|{query.Code}";
        var (patient, decision) = await DecideAsync(query.Caller, query.PatientId);
        if (decision is not { Granted: true })
            return await DeniedAsync(query.Caller, "search", patient, decision, what);
        var (page, total) = await queries.ObservationsAsync(patient!, query, AccessFilter.From(decision));
        return await ReturnAsync(query.Caller, "search", decision, what, page, total);
    }

    public async Task<RecordPage> ReadAsync(AccessCaller caller, string resourceType, string resourceId, bool history)
    {
        var what = $"{resourceType}/{resourceId}{(history ? "/_history" : "")}";
        var versions = await queries.VersionsAsync(resourceType, resourceId, history);
        if (versions.Count == 0)
            return await DeniedAsync(caller, "read", null, null, what);
        var patient = versions[0].Patient;
        var decision = patient is null ? await SharedResourceDecisionAsync(caller, versions) : await Record(patient).DecideAccessAsync(caller);
        if (!decision.Granted)
            return await DeniedAsync(caller, "read", patient, decision, what);
        var visible = versions
            .Where(v => decision.Allows(v.SourceFacility, v.Category,
                v.Category == RecordCategory.Diagnoses && UndisclosedCheck.IsMarked(v.Resource.Json)))
            .Select(v => new RecordQueries.Row(v.Resource, v.Category))
            .ToImmutableArray();
        if (visible.IsEmpty)
        {
            // The chart opens, but not this resource: say which rule hides its category (consent, disclosure, role).
            var hiddenBy = decision.Hidden.FirstOrDefault(h => h.Category == versions[0].Category &&
                (h.SourceFacility is null || h.SourceFacility == versions[0].SourceFacility))?.Reason ?? AccessReason.Undisclosed;
            return await DeniedAsync(caller, "read", patient, decision with { DeniedBecause = hiddenBy }, what);
        }
        return await ReturnAsync(caller, "read", decision, what, visible, visible.Length);
    }

    private IPatientRecordGrain Record(string patient) => GrainFactory.GetGrain<IPatientRecordGrain>(patient);

    private async Task<(string? Patient, AccessDecision? Decision)> DecideAsync(AccessCaller caller, string patientOrResourceId)
    {
        var patient = await queries.ResolvePatientAsync(patientOrResourceId);
        return patient is null ? (null, null) : (patient, await Record(patient).DecideAccessAsync(caller));
    }

    /// <summary>
    /// Resources outside any patient (Organization, Practitioner, Medication) hold no patient's information:
    /// any active facility may read them, whatever their category.
    /// </summary>
    private async Task<AccessDecision> SharedResourceDecisionAsync(AccessCaller caller, IEnumerable<RecordQueries.Version> versions)
    {
        var facility = await GrainFactory.GetGrain<IFacilityGrain>(caller.FacilityCode).GetAccessProfileAsync();
        if (facility is not { Status: FacilityStatus.Active })
            return AccessDecision.Deny("", AccessReason.FacilityInactive);
        var everything = SharingPolicy.Normalize(RecordCategoryNames.Configurable);
        return new AccessDecision("", AccessBasis.Consent,
            [.. versions.Select(v => v.SourceFacility).Distinct().Select(s => new SourceAccess(s, everything, false))], [], 0, null, null);
    }

    private async Task<RecordPage> ReturnAsync(AccessCaller caller, string action, AccessDecision decision, string what,
        ImmutableArray<RecordQueries.Row> rows, int total)
    {
        await AuditReadAsync(caller, action, decision, what, [.. rows.Select(r => r.Category)]);
        return new RecordPage(ReadStatus.Ok, [.. rows.Select(r => r.Resource)], total, PatientOf(decision), null, decision.Hidden);
    }

    private static string? PatientOf(AccessDecision decision) => decision.PatientId.Length == 0 ? null : decision.PatientId;

    private async Task AuditReadAsync(AccessCaller caller, string action, AccessDecision decision, string what, List<RecordCategory> shown)
    {
        var patient = PatientOf(decision);
        await audit.AppendAsync(AuditRecord.By(caller, clock.GetUtcNow(), AuditTypes.RecordAccess, action, AuditOutcomes.Success, patient,
            decision.Basis == AccessBasis.BreakGlass ? AccessReason.BreakGlass.ToString() : null) with
        {
            Purpose = decision.Purpose,
            Categories = [.. shown.Distinct().Order().Select(c => c.Japanese())],
            ResourceCount = shown.Count,
            Query = what,
        });
        await AccessLogNotices.PublishAsync(this, log, patient, action);
    }

    private async Task<RecordPage> DeniedAsync(AccessCaller caller, string action, string? patient, AccessDecision? decision, string what)
    {
        var status = decision is null ? ReadStatus.NotFound : ReadStatus.Forbidden;
        await audit.AppendAsync(AuditRecord.By(caller, clock.GetUtcNow(), AuditTypes.RecordAccess, action,
            status == ReadStatus.NotFound ? AuditOutcomes.NotFound : AuditOutcomes.Denied, patient, decision?.DeniedBecause?.ToString())
            with { Query = what, Purpose = "TREAT" });
        await AccessLogNotices.PublishAsync(this, log, patient, action);
        return new RecordPage(status, [], 0, patient, decision?.DeniedBecause, decision?.Hidden ?? []);
    }
}

/// <summary>
/// Publishes <see cref="AccessLogNotice"/>s for the reader and the record grain. Called only after the audit
/// row is committed; never fails the caller (a lost notice only delays a page until its next load).
/// </summary>
internal static class AccessLogNotices
{
    // A host without the alert streams (some test clusters) has nobody to tell: noted once, then skipped.
    private static volatile bool s_noProvider;

    public static async Task PublishAsync(Grain grain, ILogger log, string? patientId, string action)
    {
        if (patientId is null || s_noProvider)
            return;
        IStreamProvider provider;
        try
        {
            provider = grain.GetStreamProvider(AccessStreams.Provider);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
        {
            s_noProvider = true;
            log.LogInformation("No {Provider} stream provider here: access-log notices are off", AccessStreams.Provider);
            return;
        }
        try
        {
            var stream = provider.GetStream<AccessLogNotice>(StreamId.Create(AccessLogStreams.Namespace, patientId));
            await stream.OnNextAsync(new AccessLogNotice(patientId, DateTimeOffset.UtcNow, action));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Access to {Patient} is audited, but the access-log notice failed", patientId);
        }
    }
}
