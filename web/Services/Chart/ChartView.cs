using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Web.Chart;

namespace KMN.Orleans.Web.Services.Chart;

/// <summary>What the chart page renders: header, mapped chart, and the categories hidden from this user.</summary>
public sealed record ChartView(PatientHeader Header, PatientChart Chart, IReadOnlyList<HiddenCategory> Hidden, DateOnly Today);

public enum ChartOpenStatus
{
    Ok,
    NotSignedIn,
    NotFound,
    Denied,
    Unavailable,
}

/// <summary>The outcome of opening a chart: the view, or why there is none (with the access reason).</summary>
public sealed record ChartOpenResult(ChartOpenStatus Status, ChartView? View, AccessReason? DeniedBecause, ClusterUnavailableException? Error)
{
    public static ChartOpenResult Of(ChartOpenStatus status) => new(status, null, null, null);
}
