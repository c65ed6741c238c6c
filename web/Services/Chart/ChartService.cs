using KMN.Orleans.Web.Auth;
using KMN.Orleans.Web.Chart;
using KMN.Orleans.Web.Chart.Fhir;

namespace KMN.Orleans.Web.Services.Chart;

/// <summary>
/// Opens a patient's chart for the signed-in staff member: reads through <see cref="IChartRecordSource"/> (which
/// applies the access decision), maps the FHIR JSON to the chart model, and builds the header.
/// </summary>
public sealed class ChartService(ICurrentStaff staff, IChartRecordSource records, IFacilityNamesSource facilities, TimeProvider clock)
{
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    public async Task<ChartOpenResult> OpenAsync(string patientId, CancellationToken cancellationToken = default)
    {
        var caller = await staff.GetAsync();
        if (caller is null)
            return ChartOpenResult.Of(ChartOpenStatus.NotSignedIn);
        try
        {
            var loaded = await records.LoadAsync(caller, patientId, cancellationToken);
            if (loaded.Status == ChartReadStatus.Denied)
                return new ChartOpenResult(ChartOpenStatus.Denied, null, loaded.DeniedBecause, null);
            if (loaded.Status == ChartReadStatus.NotFound && loaded.Profile is null)
                return ChartOpenResult.Of(ChartOpenStatus.NotFound);
            var names = await facilities.GetNamesAsync();
            // Mapping thousands of resources is CPU work: keep it off the circuit's synchronization context.
            var chart = await Task.Run(() => ChartMapper.Map(loaded.Rows, names), cancellationToken);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Japan).DateTime);
            var header = PatientHeaderBuilder.Build(patientId, loaded, chart, names, today);
            return new ChartOpenResult(ChartOpenStatus.Ok, new ChartView(header, chart, loaded.Hidden, today), null, null);
        }
        catch (ClusterUnavailableException ex)
        {
            return new ChartOpenResult(ChartOpenStatus.Unavailable, null, null, ex);
        }
    }
}
