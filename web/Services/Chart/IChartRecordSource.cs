using KMN.Orleans.Grains.Abstractions.Access;

namespace KMN.Orleans.Web.Services.Chart;

/// <summary>
/// The one place the chart reads records from the cluster, as <paramref name="caller"/>: everything about the
/// access decision (what is visible, what is hidden and why) arrives here and nowhere else in the portal.
/// </summary>
public interface IChartRecordSource
{
    Task<ChartRecords> LoadAsync(AccessCaller caller, string patientId, CancellationToken cancellationToken = default);
}
