using KMN.Orleans.Web.Chart;

namespace KMN.Orleans.Web.Components.Chart;

/// <summary>
/// Colours of the chart: one per category (timeline) and a cycle per facility (calendar, lab points). Chosen to
/// stay apart for common colour-vision differences and to print legibly; red is kept for flags and duplicates.
/// </summary>
public static class ChartPalette
{
    private static readonly string[] Facilities =
        ["#1565c0", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#ad1457", "#4e342e", "#827717"];

    public static string Facility(int index) => Facilities[((index % Facilities.Length) + Facilities.Length) % Facilities.Length];

    /// <summary>The facility's colour by its place in the chart's facility list (unknown facilities are grey).</summary>
    public static string Facility(IReadOnlyList<FacilityRef> order, FacilityRef facility)
    {
        for (var i = 0; i < order.Count; i++)
            if (order[i].Key == facility.Key)
                return Facility(i);
        return "#757575";
    }

    public static string Category(ChartCategory category) => category switch
    {
        ChartCategory.Visit => "#1565c0",
        ChartCategory.Diagnosis => "#6a1b9a",
        ChartCategory.Prescription => "#2e7d32",
        ChartCategory.Dispensing => "#558b2f",
        ChartCategory.Lab => "#ef6c00",
        ChartCategory.Imaging => "#00838f",
        ChartCategory.Document => "#5d4037",
        ChartCategory.Checkup => "#ad1457",
        ChartCategory.Allergy => "#c62828",
        ChartCategory.Immunization => "#283593",
        _ => "#455a64",
    };
}
