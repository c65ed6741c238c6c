using KMN.Orleans.Grains.Abstractions.Access;

namespace KMN.Orleans.Web.Services.Chart;

/// <summary>
/// The one place the chart reads records from the cluster, as <paramref name="caller"/>: everything about the
/// access decision (what is visible, what is hidden and why) arrives here and nowhere else in the portal.
/// With <paramref name="ifNoneMatch"/> (the <see cref="ChartRecords.ETag"/> of a copy the portal holds), an unchanged
/// record comes back decided and audited but without rows (<see cref="ChartRecords.NotModified"/>).
/// </summary>
public interface IChartRecordSource
{
    Task<ChartRecords> LoadAsync(AccessCaller caller, string patientId, string? ifNoneMatch = null, CancellationToken cancellationToken = default);
}
