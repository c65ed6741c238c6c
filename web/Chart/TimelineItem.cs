namespace KMN.Orleans.Web.Chart;

/// <summary>One entry on the time axis: when, what kind, where, a short title and what opens its detail.</summary>
public sealed record TimelineItem(
    ChartDate Date,
    ChartCategory Category,
    FacilityRef Facility,
    string Title,
    string? Summary,
    DetailRef Source);
