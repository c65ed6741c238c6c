namespace KMN.Orleans.Web.Chart;

/// <summary>
/// What kind of entry a chart line is. Labels and colours come from ChartResource / ChartPalette by name, so a
/// new member needs a resource row and a colour. The access decision's categories (病名, 処方・調剤, 検体検査,
/// 画像・読影レポート, 文書, 健診) map onto these in one place: <see cref="ChartCategories.AccessGroup"/>.
/// </summary>
public enum ChartCategory
{
    Visit,
    Diagnosis,
    Prescription,
    Dispensing,
    Lab,
    Imaging,
    Document,
    Checkup,
    Allergy,
    Immunization,
    Procedure,
}

public static class ChartCategories
{
    public static readonly IReadOnlyList<ChartCategory> All = Enum.GetValues<ChartCategory>();

    /// <summary>The sharing category of issue 5 a chart category belongs to (resource key suffix).</summary>
    public static string AccessGroup(this ChartCategory category) => category switch
    {
        ChartCategory.Diagnosis or ChartCategory.Allergy => "Diagnosis",
        ChartCategory.Prescription or ChartCategory.Dispensing => "Medication",
        ChartCategory.Lab => "Lab",
        ChartCategory.Imaging => "Imaging",
        ChartCategory.Document => "Document",
        ChartCategory.Checkup => "Checkup",
        _ => "Visit",
    };
}
