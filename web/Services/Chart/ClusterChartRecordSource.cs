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
    private const int PageSize = 1000;
    private const int MaxPages = 100; // 100,000 resources: far beyond a real history, a guard against a loop
    private static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(15);

    public async Task<ChartRecords> LoadAsync(AccessCaller caller, string patientId, CancellationToken cancellationToken = default)
    {
        var profile = await guard.RunAsync("GetProfile", () => client.GetGrain<IPatientGrain>(patientId).GetProfileAsync(),
            cancellationToken: cancellationToken);
        var reader = client.GetGrain<IClinicalReaderGrain>(0);
        var rows = new List<ChartResourceRow>();
        IReadOnlyList<HiddenCategory> hidden = [];
        for (var page = 0; page < MaxPages; page++)
        {
            var query = new EverythingQuery(caller, patientId, null, [], PageSize, page * PageSize);
            var result = await guard.RunAsync("Everything", () => reader.EverythingAsync(query), PageTimeout, cancellationToken);
            if (result.Status == ReadStatus.Forbidden)
                return ChartRecords.Denied(result.DeniedBecause, profile);
            if (result.Status == ReadStatus.NotFound)
                return new ChartRecords(ChartReadStatus.NotFound, profile, [], [], null, null, []);
            if (page == 0)
                hidden = result.Hidden.IsDefault ? [] : result.Hidden;
            rows.AddRange(result.Resources.Select(r => new ChartResourceRow(r.ResourceType, r.ResourceId, r.Json)));
            if (result.Resources.IsEmpty || rows.Count >= result.Total)
                break;
        }

        var record = client.GetGrain<IPatientRecordGrain>(patientId);
        var consent = await guard.RunAsync("GetConsent", () => record.GetConsentAsync(), cancellationToken: cancellationToken);
        var summary = await guard.RunAsync("GetSummary", () => record.GetSummaryAsync(), cancellationToken: cancellationToken);
        return new ChartRecords(ChartReadStatus.Ok, profile, rows, hidden, null, consent, [.. summary.ContributingFacilities]);
    }
}
