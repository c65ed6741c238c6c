using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Grains.Persistence;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Concurrency;

namespace KMN.Orleans.Grains.Records;

/// <summary>
/// Stores uploads: one transaction in one place, then the patient's record grain hears about it. Stateless,
/// so every silo ingests locally and in parallel. Reentrant because every call is its own database work with
/// no grain state: an upload waiting on a commit must not hold back the lookups of the next bundle.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class ClinicalIngestGrain(RecordUploadWriter writer, RecordLookups store, ChartLinks links,
    ILogger<ClinicalIngestGrain> log)
    : Grain, IClinicalIngestGrain
{
    private const int Attempts = 3;

    public Task<UploadResult> UploadAsync(UploadRequest request) => StoreAsync(() => UploadOnceOrRetryAsync(request), request.UploadId);

    private async Task<UploadResult> UploadOnceOrRetryAsync(UploadRequest request)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = await writer.WriteAsync(request,
                    patient => GrainFactory.GetGrain<IPatientRecordGrain>(patient).GetConsentsAsync());
                if (outcome.Notice is { } notice && outcome.Result.NetworkPatientId is { } patient)
                    await NotifyAsync(patient, notice);
                return outcome.Result;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && attempt < Attempts)
            {
                // Another upload wrote the same shared resource (an Organization) first: read the versions again.
                log.LogInformation("Upload {UploadId} raced on {Constraint}; retrying", request.UploadId, e.ConstraintName);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                return new UploadResult(UploadStatus.Conflict, null, [], "同じリソースが同時に更新されました。再送してください。");
            }
        }
    }

    public Task<ImmutableArray<ResolvedIdentifier>> ResolveIdentifiersAsync(string facilityCode, ImmutableArray<IdentifierLookup> lookups) =>
        StoreAsync(() => store.ResolveAsync(facilityCode, lookups), "identifiers");

    public Task<ImmutableArray<string>> ExistingAsync(ImmutableArray<string> typeSlashIds) =>
        StoreAsync(() => store.ExistingAsync(typeSlashIds), "existing");

    public Task<ChartLinkResult> LinkChartAsync(ChartLink link) => StoreAsync(() => links.LinkAsync(link), "link");

    public Task<ChartLinkResult> UnlinkChartAsync(ChartLink link) => StoreAsync(() => links.UnlinkAsync(link), "unlink");

    /// <summary>
    /// Database failures leave as exceptions the caller can read: an outage (connection lost, server shutting down,
    /// too many connections — the driver's transient errors) as <see cref="RecordStoreUnavailableException"/>, so the
    /// FHIR edge answers 503; any other database error as a plain one (500). The transaction is rolled back either
    /// way. Npgsql's exceptions themselves cannot cross the grain boundary.
    /// </summary>
    private async Task<T> StoreAsync<T>(Func<Task<T>> work, object what)
    {
        try
        {
            return await work();
        }
        catch (NpgsqlException e)
        {
            var failure = StoreFailures.Translate(e);
            if (failure is RecordStoreUnavailableException)
                log.LogWarning(e, "Clinical store unavailable ({What})", what);
            else
                log.LogError(e, "Clinical store refused the work ({What})", what);
            throw failure;
        }
    }

    private async Task NotifyAsync(string patient, RecordAppendNotice notice)
    {
        try
        {
            await GrainFactory.GetGrain<IPatientRecordGrain>(patient).RecordsAppendedAsync(notice);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The rows and consents are committed; the record grain reloads consents from the table when it
            // next activates, so a lost notice only delays its summary.
            log.LogWarning(e, "Upload {UploadId} stored, but patient {Patient} was not notified", notice.UploadId, patient);
        }
    }
}
