using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Grains.Demo;
using KMN.Orleans.Web.Chart;
using KMN.Orleans.Web.Chart.Fhir;

namespace KMN.Orleans.Benchmarks.Chart;

/// <summary>
/// The server's part of opening a chart, timed phase by phase in this process: the read (the grain calls the
/// portal's ClusterChartRecordSource makes: profile, $everything pages, consent, record summary) and the
/// mapping (the portal's own ChartMapper, compiled in from web/Chart). The header is a few list copies, not timed.
/// A warm open in the portal reads conditionally: <see cref="Unchanged"/> times the reader's "not modified" answer
/// (decided and audited, no JSON), which replaces both phases when the portal already holds the mapped chart.
/// </summary>
public sealed class ChartServerPhases(IGrainFactory grains, ChartDoctor doctor, string patientId, int pageSize, string label)
{
    private readonly IFacilityNames _names = new DemoFacilityNames();

    public Measurement Read { get; } = new($"server {label}: read, {pageSize:N0}/page");
    public Measurement Map { get; } = new($"server {label}: map (ChartMapper)");
    public Measurement Unchanged { get; } = new($"server {label}: conditional read, unchanged");
    public int Rows { get; private set; }
    public long JsonChars { get; private set; }

    public async Task OpenAsync()
    {
        var rows = await Read.TimeAsync(ReadAsync);
        // Off the caller's thread, as ChartService maps.
        await Map.TimeAsync(() => Task.Run(() => ChartMapper.Map(rows, _names)));
        (Rows, JsonChars) = (rows.Count, rows.Sum(r => (long)r.Json.Length));
    }

    /// <summary>
    /// Managed memory one mapped chart keeps alive: what the portal's ChartViewCache holds per (account, patient).
    /// </summary>
    public async Task<long> RetainedBytesAsync()
    {
        var rows = await ReadAsync();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var chart = ChartMapper.Map(rows, _names);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(chart);
        return after - before;
    }

    /// <summary>The conditional read a warm portal open makes: the first read's tag offered back.</summary>
    public async Task OpenUnchangedAsync()
    {
        var reader = grains.GetGrain<IClinicalReaderGrain>(0);
        _tag ??= (await reader.EverythingAsync(new EverythingQuery(doctor.Caller, patientId, null, [], pageSize, 0, Conditional: true))).ETag;
        var result = await Unchanged.TimeAsync(() => reader.EverythingAsync(
            new EverythingQuery(doctor.Caller, patientId, null, [], pageSize, 0, Conditional: true, IfNoneMatch: _tag)));
        if (!result.NotModified)
            throw new InvalidOperationException($"{patientId} changed during the benchmark: the conditional read sent its rows.");
    }

    private string? _tag;

    private async Task<List<ChartResourceRow>> ReadAsync()
    {
        var profile = grains.GetGrain<IPatientGrain>(patientId).GetProfileAsync();
        var record = grains.GetGrain<IPatientRecordGrain>(patientId);
        var consent = record.GetConsentAsync();
        var summary = record.GetSummaryAsync();
        var reader = grains.GetGrain<IClinicalReaderGrain>(0);
        var rows = new List<ChartResourceRow>();
        for (var page = 0; page < 100; page++)
        {
            var result = await reader.EverythingAsync(new EverythingQuery(doctor.Caller, patientId, null, [], pageSize, page * pageSize));
            if (result.Status != ReadStatus.Ok)
                throw new InvalidOperationException($"{doctor} could not read {patientId}: {result.Status} {result.DeniedBecause}");
            rows.AddRange(result.Resources.Select(r => new ChartResourceRow(r.ResourceType, r.ResourceId, r.Json)));
            if (result.Resources.IsEmpty || rows.Count >= result.Total)
                break;
        }
        await Task.WhenAll(profile, consent, summary);
        return rows;
    }

    private sealed class DemoFacilityNames : IFacilityNames
    {
        private readonly Dictionary<string, string> _names =
            new DemoNetworkGenerator(ChartNetwork.Seed).Facilities().ToDictionary(f => f.Code, f => f.Name, StringComparer.Ordinal);

        public string? NameOf(string facilityCode) => _names.GetValueOrDefault(facilityCode);
    }
}
