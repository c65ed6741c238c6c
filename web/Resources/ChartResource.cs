namespace KMN.Orleans.Web.Resources;

/// <summary>
/// Marker type for IStringLocalizer&lt;ChartResource&gt;: the clinician portal's texts (patient search and chart).
/// ChartResource.resx holds Japanese (neutral), ChartResource.en.resx English. Kept apart from SharedResource so
/// the chart's many labels do not crowd the shell's.
/// </summary>
public sealed class ChartResource
{
}
