using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Records;
using Npgsql;
using Orleans.Concurrency;

namespace KMN.Orleans.Grains.Records;

/// <summary>
/// Answers FHIR reads. The access rule of issue 4: a facility sees what it uploaded itself, and everything of a
/// patient whose consent permits it. The audit row is written before the data is returned; if it cannot be
/// written the read fails.
/// </summary>
[StatelessWorker]
public sealed class ClinicalReaderGrain(RecordQueries queries, NpgsqlDataSource dataSource) : Grain, IClinicalReaderGrain
{
    public async Task<RecordPage> EverythingAsync(EverythingQuery query)
    {
        var access = await DecideAsync(query.CallerFacility, query.PatientId);
        if (access.Status != ReadStatus.Ok)
            return await DeniedAsync(query.CallerFacility, access, $"Patient/{query.PatientId}/$everything");
        var (page, total) = await queries.EverythingAsync(access.Patient!, query, access.Permitted);
        await AuditEvents.WriteAsync(dataSource, query.CallerFacility, "read", access.Patient,
            $"Patient/{query.PatientId}/$everything offset={query.Offset}", page.Length, "success");
        return new RecordPage(ReadStatus.Ok, page, total, access.Patient);
    }

    public async Task<RecordPage> SearchObservationsAsync(ObservationQuery query)
    {
        var access = await DecideAsync(query.CallerFacility, query.PatientId);
        if (access.Status != ReadStatus.Ok)
            return await DeniedAsync(query.CallerFacility, access, $"Observation?patient={query.PatientId}");
        var (page, total) = await queries.ObservationsAsync(access.Patient!, query, access.Permitted);
        await AuditEvents.WriteAsync(dataSource, query.CallerFacility, "search", access.Patient,
            $"Observation?patient={query.PatientId}&code={query.CodeSystem}|{query.Code}", page.Length, "success");
        return new RecordPage(ReadStatus.Ok, page, total, access.Patient);
    }

    public async Task<RecordPage> ReadAsync(string callerFacility, string resourceType, string resourceId, bool history)
    {
        var versions = await queries.VersionsAsync(resourceType, resourceId, history);
        var what = $"{resourceType}/{resourceId}{(history ? "/_history" : "")}";
        if (versions.Count == 0)
            return await DeniedAsync(callerFacility, new Access(ReadStatus.NotFound, null, false), what);
        var patient = versions[0].Patient;
        var permitted = patient is null || await ConsentPermitsAsync(callerFacility, patient);
        var visible = versions.Where(v => permitted || v.SourceFacility == callerFacility).Select(v => v.Resource).ToImmutableArray();
        if (visible.IsEmpty)
            return await DeniedAsync(callerFacility, new Access(ReadStatus.Forbidden, patient, false), what);
        await AuditEvents.WriteAsync(dataSource, callerFacility, "read", patient, what, visible.Length, "success");
        return new RecordPage(ReadStatus.Ok, visible, visible.Length, patient);
    }

    private sealed record Access(ReadStatus Status, string? Patient, bool Permitted);

    private async Task<Access> DecideAsync(string caller, string patientOrResourceId)
    {
        var patient = await queries.ResolvePatientAsync(patientOrResourceId);
        if (patient is null)
            return new Access(ReadStatus.NotFound, null, false);
        if (await ConsentPermitsAsync(caller, patient))
            return new Access(ReadStatus.Ok, patient, true);
        // Not permitted by the consent: the facility still sees what it uploaded itself.
        return await queries.IsLinkedAsync(caller, patient)
            ? new Access(ReadStatus.Ok, patient, false)
            : new Access(ReadStatus.Forbidden, patient, false);
    }

    private async Task<bool> ConsentPermitsAsync(string caller, string patient)
    {
        var consents = await GrainFactory.GetGrain<IPatientRecordGrain>(patient).GetConsentsAsync();
        return consents.Any(c => c.Permits(caller));
    }

    private async Task<RecordPage> DeniedAsync(string caller, Access access, string what)
    {
        await AuditEvents.WriteAsync(dataSource, caller, "read", access.Patient, what, 0,
            access.Status == ReadStatus.NotFound ? "not-found" : "denied");
        return new RecordPage(access.Status, [], 0, access.Patient);
    }
}
