using System.Globalization;
using System.Text.Json;

namespace KMN.Orleans.Web.Chart.Fhir;

/// <summary>
/// Demographics from a Patient resource. JP Core sends the name twice: kanji (representation IDE or none) and
/// kana (SYL), told apart by the iso21090-EN-representation extension.
/// </summary>
public static class PatientMapping
{
    public static void Map(MappingContext context)
    {
        var patient = context.Set.OfType("Patient").FirstOrDefault();
        if (patient is null)
            return;
        var names = patient.Root.Items("name").ToList();
        var kana = names.FirstOrDefault(n => Representation(n) == "SYL");
        var kanji = names.FirstOrDefault(n => Representation(n) != "SYL");
        var birth = DateOnly.TryParseExact(patient.Root.Text("birthDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        context.Patient = new ChartPatient(NameText(kanji), NameText(kana), birth, patient.Root.Text("gender"));
    }

    private static string? Representation(JsonElement name) =>
        name.Items("extension").Select(e => e.Text("valueCode")).FirstOrDefault(v => v is not null);

    private static string? NameText(JsonElement name)
    {
        if (name.ValueKind != JsonValueKind.Object)
            return null;
        if (name.Text("text") is { } text)
            return text;
        var given = string.Join(" ", name.Items("given").Where(g => g.ValueKind == JsonValueKind.String).Select(g => g.GetString()));
        var full = $"{name.Text("family")} {given}".Trim();
        return full.Length > 0 ? full : null;
    }
}
