namespace KMN.Orleans.Web.Chart;

/// <summary>
/// The facility an entry came from. <see cref="Code"/> is the 10-digit facility code when known; the name is
/// the network directory's, or the Organization's own name when the code is not in the directory.
/// </summary>
public sealed record FacilityRef(string Code, string Name)
{
    public static FacilityRef Unknown { get; } = new("", "");

    public bool IsKnown => Code.Length > 0 || Name.Length > 0;

    /// <summary>Grouping key: the code, or the name for facilities known only by name.</summary>
    public string Key => Code.Length > 0 ? Code : Name;
}
