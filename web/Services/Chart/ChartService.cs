using KMN.Orleans.Web.Auth;
using KMN.Orleans.Web.Chart;
using KMN.Orleans.Web.Chart.Fhir;

namespace KMN.Orleans.Web.Services.Chart;

/// <summary>
/// Opens a patient's chart for the signed-in staff member: reads through <see cref="IChartRecordSource"/> (which
/// applies the access decision), maps the FHIR JSON to the chart model, and builds the header. A chart this process
/// mapped for the same account is used again when the reader, having decided and audited the open, says its rows
/// are unchanged: a warm open then skips moving and mapping megabytes of JSON.
/// </summary>
public sealed class ChartService(ICurrentStaff staff, IChartRecordSource records, IFacilityNamesSource facilities, TimeProvider clock,
    ChartViewCache cache)
{
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    public async Task<ChartOpenResult> OpenAsync(string patientId, CancellationToken cancellationToken = default)
    {
        var caller = await staff.GetAsync();
        if (caller is null)
            return ChartOpenResult.Of(ChartOpenStatus.NotSignedIn);
        try
        {
            var names = await facilities.GetNamesAsync();
            var account = caller.AccountId ?? caller.FacilityCode;
            // Names are part of the mapped chart: a copy mapped with other names is not offered.
            var held = cache.Find(account, patientId) is { } entry && ReferenceEquals(entry.Names, names) ? entry : null;
            var loaded = await records.LoadAsync(caller, patientId, held?.ETag, cancellationToken);
            if (loaded.Status == ChartReadStatus.Denied)
                return new ChartOpenResult(ChartOpenStatus.Denied, null, loaded.DeniedBecause, null);
            if (loaded.Status == ChartReadStatus.NotFound && loaded.Profile is null)
                return ChartOpenResult.Of(ChartOpenStatus.NotFound);
            var chart = loaded.NotModified && held is not null ? held.Chart : await MapAsync(account, patientId, loaded, names, cancellationToken);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Japan).DateTime);
            var header = PatientHeaderBuilder.Build(patientId, loaded, chart, names, today);
            return new ChartOpenResult(ChartOpenStatus.Ok, new ChartView(header, chart, loaded.Hidden, today), null, null);
        }
        catch (ClusterUnavailableException ex)
        {
            return new ChartOpenResult(ChartOpenStatus.Unavailable, null, null, ex);
        }
    }

    private async Task<PatientChart> MapAsync(string account, string patientId, ChartRecords loaded, IFacilityNames names,
        CancellationToken cancellationToken)
    {
        if (loaded.NotModified)
            throw new InvalidOperationException("The reader answered 'not modified' to a load that offered no copy.");
        // Mapping thousands of resources is CPU work: keep it off the circuit's synchronization context.
        var chart = await Task.Run(() => ChartMapper.Map(loaded.Rows, names), cancellationToken);
        if (loaded.ETag is { } tag)
            cache.Store(account, patientId, new ChartViewCache.Entry(tag, chart, names), loaded.Rows.Count);
        return chart;
    }
}
