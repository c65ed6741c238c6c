namespace KMN.Orleans.Web.Chart.Labs;

/// <summary>
/// The test a value is plotted on. Values of different facilities share one key when their JLAC10 analyte or
/// LOINC code names the same test in the catalogue and the units agree; otherwise the key is the code itself,
/// so nothing is merged that a clinician could not compare.
/// </summary>
public sealed record LabTestKey(string Id, string Name, string? Unit)
{
    public string Label => Unit is { Length: > 0 } u ? $"{Name} ({u})" : Name;
}
