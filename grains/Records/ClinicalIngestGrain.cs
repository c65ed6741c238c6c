using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Records;
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

    public async Task<UploadResult> UploadAsync(UploadRequest request)
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
        store.ResolveAsync(facilityCode, lookups);

    public Task<ImmutableArray<string>> ExistingAsync(ImmutableArray<string> typeSlashIds) => store.ExistingAsync(typeSlashIds);

    public Task<ChartLinkResult> LinkChartAsync(ChartLink link) => links.LinkAsync(link);

    public Task<ChartLinkResult> UnlinkChartAsync(ChartLink link) => links.UnlinkAsync(link);

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
