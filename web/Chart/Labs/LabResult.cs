namespace KMN.Orleans.Web.Chart.Labs;

/// <summary>H/L as the facility flagged it, or as the value falls against the reference range.</summary>
public enum LabFlag
{
    None,
    High,
    Low,
    Abnormal,
}

/// <summary>A reference range; either bound may be missing ("≤ 5.9", "≥ 60").</summary>
public sealed record ReferenceRange(decimal? Low, decimal? High, string? Text)
{
    public bool HasBounds => Low is not null || High is not null;
}

/// <summary>One lab value (Observation) on the harmonized test it belongs to.</summary>
public sealed record LabResult(
    LabTestKey Test,
    string Name,
    decimal? Value,
    string? ValueText,
    string? Unit,
    ReferenceRange? Range,
    LabFlag Flag,
    FacilityRef Facility,
    ChartDate Date,
    DetailRef Source)
{
    public string Display => Value is { } v ? v.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) : ValueText ?? "";
}

/// <summary>A lab panel (DiagnosticReport of category LAB) with its results.</summary>
public sealed record LabPanel(string Name, ChartDate Date, FacilityRef Facility, IReadOnlyList<LabResult> Results, DetailRef Source);
