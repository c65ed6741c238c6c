using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Web.Chart;

namespace KMN.Orleans.Web.Services.Chart;

/// <summary>How a chart load ended, before any mapping.</summary>
public enum ChartReadStatus
{
    Ok,
    NotFound,
    Denied,
}

/// <summary>
/// What the cluster returned for one chart: the visible resources, the categories hidden and why, and the
/// patient facts the header needs. Only <see cref="IChartRecordSource"/> builds this. <see cref="ETag"/> names exactly
/// the rows (null: too many for one page, not cacheable); <see cref="NotModified"/>: the caller's copy is current.
/// </summary>
public sealed record ChartRecords(
    ChartReadStatus Status,
    PatientProfile? Profile,
    IReadOnlyList<ChartResourceRow> Rows,
    IReadOnlyList<HiddenCategory> Hidden,
    AccessReason? DeniedBecause,
    ConsentVersion? Consent,
    IReadOnlyList<string> ContributingFacilities,
    string? ETag = null,
    bool NotModified = false)
{
    public static ChartRecords Denied(AccessReason? reason, PatientProfile? profile) =>
        new(ChartReadStatus.Denied, profile, [], [], reason, null, []);
}
