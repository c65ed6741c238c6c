namespace KMN.Orleans.Web.Chart.Labs;

/// <summary>
/// Common tests whose JLAC10 analyte codes (the first 5 characters of the 17-character code) and LOINC codes
/// mean the same thing, so results from a hospital coding in JLAC10 and a clinic coding in LOINC form one
/// trend. Not exhaustive: an unlisted code still gets its own trend, just not merged.
/// </summary>
public static class LabCatalog
{
    public const string Jlac10System = "urn:oid:1.2.392.200119.4.504";
    public const string LoincSystem = "http://loinc.org";

    private sealed record Test(string Id, string Name, string[] JlacAnalytes, string[] Loinc);

    private static readonly Test[] Tests =
    [
        new("hba1c", "HbA1c", ["3D046"], ["4548-4", "17856-6", "59261-8"]),
        new("glucose", "血糖", ["3D010"], ["2345-7", "1558-6", "2339-0"]),
        new("creatinine", "クレアチニン", ["3C015"], ["2160-0", "38483-4"]),
        new("egfr", "eGFR", ["8A065"], ["33914-3", "62238-1", "48642-3", "98979-8"]),
        new("ldl", "LDLコレステロール", ["3F077"], ["13457-7", "18262-6", "2089-1"]),
        new("hdl", "HDLコレステロール", ["3F070"], ["2085-9"]),
        new("tg", "中性脂肪", ["3F015"], ["2571-8"]),
        new("ast", "AST", ["3B035"], ["1920-8"]),
        new("alt", "ALT", ["3B045"], ["1742-6"]),
        new("ggt", "γ-GT", ["3B090"], ["2324-2"]),
        new("ua", "尿酸", ["3C020"], ["3084-1"]),
        new("bun", "尿素窒素", ["3C025"], ["3094-0"]),
        new("hb", "ヘモグロビン", ["2A030"], ["718-7"]),
        new("plt", "血小板数", ["2A050"], ["777-3"]),
        new("wbc", "白血球数", ["2A990"], ["6690-2"]),
        new("k", "カリウム", ["3H015"], ["2823-3"]),
        new("na", "ナトリウム", ["3H010"], ["2951-2"]),
    ];

    private static readonly Dictionary<string, Test> ByJlac = Tests.SelectMany(t => t.JlacAnalytes.Select(a => (a, t)))
        .ToDictionary(p => p.a, p => p.t);

    private static readonly Dictionary<string, Test> ByLoinc = Tests.SelectMany(t => t.Loinc.Select(l => (l, t)))
        .ToDictionary(p => p.l, p => p.t);

    /// <summary>The catalogue test for the codings of an Observation.code, if one of them is known.</summary>
    public static (string Id, string Name)? Find(IEnumerable<(string? System, string Code)> codings)
    {
        foreach (var (system, code) in codings)
        {
            if (system == Jlac10System && code.Length >= 5 && ByJlac.TryGetValue(code[..5], out var j))
                return (j.Id, j.Name);
            if (system == LoincSystem && ByLoinc.TryGetValue(code, out var l))
                return (l.Id, l.Name);
        }
        return null;
    }

    /// <summary>The key for a value: catalogue id when known, else the first coding, else the name.</summary>
    public static LabTestKey KeyFor(IReadOnlyList<(string? System, string Code)> codings, string name, string? unit)
    {
        var normalizedUnit = NormalizeUnit(unit);
        if (Find(codings) is { } known)
            return new LabTestKey($"{known.Id}|{normalizedUnit}", known.Name, unit);
        var id = codings.Count > 0 ? $"{codings[0].System}|{codings[0].Code}" : "name:" + name;
        return new LabTestKey($"{id}|{normalizedUnit}", name, unit);
    }

    /// <summary>"mg/dl" and "mg/dL" are one unit; "％" is "%". Different units stay different trends.</summary>
    public static string NormalizeUnit(string? unit) =>
        (unit ?? "").Normalize(System.Text.NormalizationForm.FormKC).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
}
