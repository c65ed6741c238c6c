using System.Text.Json;
using KMN.Orleans.Web.Chart;
using KMN.Orleans.Web.Chart.Fhir;

namespace KMN.Orleans.PortalTests.Support;

/// <summary>
/// Test records: Fixtures/*.json are searchset Bundles whose entries stand for stored resources (fullUrl
/// "Type/id", as the reader returns them after the upload edge rewrote references).
/// </summary>
public static class ChartFixtures
{
    public const string Hospital = "4310000001";
    public const string Clinic = "4310000002";
    public const string Pharmacy = "4340000003";

    /// <summary>The directory's names differ from the Organizations' own, so tests see which one wins.</summary>
    public static IFacilityNames Names { get; } = new FixedFacilityNames(new()
    {
        [Hospital] = "火の国総合病院",
        [Clinic] = "阿蘇内科クリニック",
        [Pharmacy] = "白川薬局",
    });

    public static IReadOnlyList<ChartResourceRow> Rows(string file = "patient-yamada.json")
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", file)));
        return document.RootElement.GetProperty("entry").EnumerateArray()
            .Select(e => e.GetProperty("resource"))
            .Select(r => new ChartResourceRow(r.GetProperty("resourceType").GetString()!, r.GetProperty("id").GetString()!, r.GetRawText()))
            .ToList();
    }

    public static PatientChart Yamada() => ChartMapper.Map(Rows(), Names);

    public static DateOnly Today { get; } = new(2024, 6, 10);
}

public sealed class FixedFacilityNames(Dictionary<string, string> names) : IFacilityNames
{
    public string? NameOf(string facilityCode) => names.GetValueOrDefault(facilityCode);
}
