using System.Globalization;
using System.Text.Json;

namespace KMN.Orleans.Web.Chart.Fhir;

/// <summary>
/// Forgiving reads of stored FHIR JSON. A facility may send any shape the validator let through (or an older
/// version that it did not), so a missing or wrongly typed element is "absent", never an exception.
/// </summary>
public static class JsonPath
{
    /// <summary>Follows a dotted path; an array on the way yields its first element (FHIR's usual "first coding").</summary>
    public static JsonElement Get(this JsonElement node, string path)
    {
        // Walks the dotted path without splitting it: this runs a few dozen times per resource.
        var rest = path.AsSpan();
        while (rest.Length > 0)
        {
            var dot = rest.IndexOf('.');
            var part = dot < 0 ? rest : rest[..dot];
            rest = dot < 0 ? [] : rest[(dot + 1)..];
            if (node.ValueKind == JsonValueKind.Array)
                node = node.GetArrayLength() > 0 ? node[0] : default;
            node = node.ValueKind == JsonValueKind.Object && node.TryGetProperty(part, out var child) ? child : default;
        }
        return node.ValueKind == JsonValueKind.Array ? (node.GetArrayLength() > 0 ? node[0] : default) : node;
    }

    /// <summary>Every element of an array property (a single object counts as one; absent is none).</summary>
    public static IEnumerable<JsonElement> Items(this JsonElement node, string path)
    {
        var parent = path.Contains('.') ? node.Get(path[..path.LastIndexOf('.')]) : node;
        var name = path.Contains('.') ? path[(path.LastIndexOf('.') + 1)..] : path;
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
            return [];
        return value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray().ToArray(),
            JsonValueKind.Object => [value],
            _ => [],
        };
    }

    public static string? Text(this JsonElement node, string path)
    {
        var value = node.Get(path);
        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;
    }

    public static decimal? Number(this JsonElement node, string path)
    {
        var value = node.Get(path);
        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var d) => d,
            JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };
    }

    public static bool Exists(this JsonElement node, string path) => node.Get(path).ValueKind != JsonValueKind.Undefined;

    /// <summary>The words a person would read for a CodeableConcept: its text, else the first display, else the code.</summary>
    public static string? ConceptText(this JsonElement concept) =>
        concept.Text("text") ?? concept.Items("coding").Select(c => c.Text("display")).FirstOrDefault(d => d is not null)
        ?? concept.Text("coding.code");

    /// <summary>Every (system, code) of a CodeableConcept.</summary>
    public static IEnumerable<(string? System, string Code)> Codings(this JsonElement concept) =>
        concept.Items("coding").Select(c => (c.Text("system"), c.Text("code"))).Where(c => c.Item2 is not null)
            .Select(c => (c.Item1, c.Item2!));

    /// <summary>"Organization/abc" of a Reference, or null.</summary>
    public static string? Reference(this JsonElement node, string path) => node.Text(path + ".reference");
}
