using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Web.Chart;

namespace KMN.Orleans.Web.Services.Chart;

/// <summary>
/// Reads a chart through the clinical reader ($everything, paged) as the signed-in caller. Each page is decided
/// and audited by the grains; the first page's hidden categories and denial reason are what the chart explains.
/// </summary>
public sealed class ClusterChartRecordSource(IClusterClient client, GrainCallGuard guard) : IChartRecordSource
{
    // One page holds a ten-year history (the demo's heaviest patient has 5,793 resources): every page re-runs the
    // access decision, the visibility filter over all the patient's rows and a durable audit write, so 1,000-row
    // pages made a chart open cost six of each (tests/KMN.Orleans.Benchmarks --only chart).
    private const int PageSize = 10_000;
    private const int MaxPages = 100; // a guard against a loop, far beyond a real history
    private static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(30);

    public async Task<ChartRecords> LoadAsync(AccessCaller caller, string patientId, string? ifNoneMatch = null,
        CancellationToken cancellationToken = default)
    {
        // The header's facts do not depend on the pages: ask for them while the pages are read.
        var record = client.GetGrain<IPatientRecordGrain>(patientId);
        var profile = guard.RunAsync("GetProfile", () => client.GetGrain<IPatientGrain>(patientId).GetProfileAsync(),
            cancellationToken: cancellationToken);
        var consent = guard.RunAsync("GetConsent", () => record.GetConsentAsync(), cancellationToken: cancellationToken);
        var summary = guard.RunAsync("GetSummary", () => record.GetSummaryAsync(), cancellationToken: cancellationToken);
        var read = ReadPagesAsync(caller, patientId, ifNoneMatch, cancellationToken);
        await Task.WhenAll(read, profile, consent, summary); // observes every failure, not only the first awaited
        var (status, rows, hidden, denied, tag, notModified) = read.Result;
        return status switch
        {
            ReadStatus.Forbidden => ChartRecords.Denied(denied, profile.Result),
            ReadStatus.NotFound => new ChartRecords(ChartReadStatus.NotFound, profile.Result, [], [], null, null, []),
            _ => new ChartRecords(ChartReadStatus.Ok, profile.Result, rows, hidden, null, consent.Result,
                [.. summary.Result.ContributingFacilities], tag, notModified),
        };
    }

    private async Task<(ReadStatus Status, List<ChartResourceRow> Rows, IReadOnlyList<HiddenCategory> Hidden, AccessReason? Denied,
        string? ETag, bool NotModified)> ReadPagesAsync(AccessCaller caller, string patientId, string? ifNoneMatch, CancellationToken cancellationToken)
    {
        var reader = client.GetGrain<IClinicalReaderGrain>(0);
        var rows = new List<ChartResourceRow>();
        IReadOnlyList<HiddenCategory> hidden = [];
        string? tag = null;
        for (var page = 0; page < MaxPages; page++)
        {
            // The first page is read conditionally: a record that fits it (nearly all) is tagged as a whole.
            var query = new EverythingQuery(caller, patientId, null, [], PageSize, page * PageSize, Conditional: page == 0,
                IfNoneMatch: page == 0 ? ifNoneMatch : null);
            var result = await guard.RunAsync("Everything", () => reader.EverythingAsync(query), PageTimeout, cancellationToken);
            if (result.Status is ReadStatus.Forbidden or ReadStatus.NotFound)
                return (result.Status, [], [], result.DeniedBecause, null, false);
            if (page == 0)
            {
                hidden = result.Hidden.IsDefault ? [] : result.Hidden;
                if (result.NotModified)
                    return (ReadStatus.Ok, [], hidden, null, result.ETag, true);
                if (result.Total <= PageSize)
                    tag = result.ETag;
                rows.Capacity = result.Total;
            }
            foreach (var resource in result.Resources)
                rows.Add(new ChartResourceRow(resource.ResourceType, resource.ResourceId, resource.Json, resource.SourceFacility));
            if (result.Resources.IsEmpty || rows.Count >= result.Total)
                break;
        }
        return (ReadStatus.Ok, rows, hidden, null, tag, false);
    }
}
