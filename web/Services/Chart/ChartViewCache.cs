using KMN.Orleans.Web.Chart;
using KMN.Orleans.Web.Chart.Fhir;
using Microsoft.Extensions.Caching.Memory;

namespace KMN.Orleans.Web.Services.Chart;

/// <summary>
/// Mapped charts this portal process has shown, per (staff account, patient), with the tag of the rows they were
/// mapped from. Never a source of truth: a chart is used again only after the reader has decided and audited the
/// open and answered that exactly those rows are still what this caller may see. Bounded by resources held, so a
/// busy portal keeps the charts opened most recently.
/// </summary>
public sealed class ChartViewCache : IDisposable
{
    private const long ResourceBudget = 200_000; // about thirty ten-year charts
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(15);
    private readonly MemoryCache _charts = new(new MemoryCacheOptions { SizeLimit = ResourceBudget });

    public sealed record Entry(string ETag, PatientChart Chart, IFacilityNames Names);

    public Entry? Find(string accountKey, string patientId) =>
        _charts.TryGetValue((accountKey, patientId), out Entry? entry) ? entry : null;

    public void Store(string accountKey, string patientId, Entry entry, int resources) =>
        _charts.Set((accountKey, patientId), entry, new MemoryCacheEntryOptions { Size = Math.Max(1, resources), SlidingExpiration = Idle });

    public void Dispose() => _charts.Dispose();
}
