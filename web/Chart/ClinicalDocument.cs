namespace KMN.Orleans.Web.Chart;

/// <summary>
/// A document (紹介状, 退院時サマリー …): plain text is shown inline, anything else offered as a data: URL link
/// when small enough.
/// </summary>
public sealed record ClinicalDocument(
    string Title,
    string? Kind,
    ChartDate Date,
    FacilityRef Facility,
    string? ContentType,
    string? Text,
    string? DataUrl,
    DetailRef Source);
