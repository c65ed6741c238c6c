namespace KMN.Orleans.Web.Chart;

/// <summary>A radiology (読影) report: text of findings and impression, with its images.</summary>
public sealed record RadiologyReport(
    string Title,
    string? Modality,
    ChartDate Date,
    FacilityRef Facility,
    string? Findings,
    string? Conclusion,
    IReadOnlyList<ChartImage> Images,
    DetailRef Source);
