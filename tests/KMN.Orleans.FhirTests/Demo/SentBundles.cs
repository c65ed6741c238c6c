using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace KMN.Orleans.FhirTests.Demo;

/// <summary>
/// What the demo loader sent, read back from its --out folder (&lt;patient&gt;-&lt;step&gt;-&lt;facility&gt;-&lt;n&gt;.json), with the
/// network id each resource must have: sha256("facility|type|sender's id"), as docs/adr/0007 defines it.
/// </summary>
public sealed record SentResource(string Facility, JsonObject Resource)
{
    public string Type => (string)Resource["resourceType"]!;
    public string SourceId => (string)Resource["id"]!;
    public string Reference => $"{Type}/{NetworkId(Facility, Type, SourceId)}";

    /// <summary>Marked 未告知 (the network's extension; docs/adr/0010).</summary>
    public bool Undisclosed => Resource["extension"] is JsonArray extensions && extensions.Any(e =>
        (string?)e?["url"] == "https://kmn-orleans.example/fhir/StructureDefinition/undisclosed-to-patient");

    public static string NetworkId(string facility, string type, string sourceId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{facility}|{type}|{sourceId}")).AsSpan(0, 16));
}

public sealed record SentPatient(int Index, string EnrollingFacility, string PatientId, IReadOnlyList<SentResource> Resources);

public static class SentBundles
{
    public static IReadOnlyList<SentPatient> Read(string folder) =>
    [
        .. Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .GroupBy(f => int.Parse(Path.GetFileName(f)[..6], System.Globalization.CultureInfo.InvariantCulture))
            .Select(g => Patient(g.Key, [.. g])),
    ];

    private static SentPatient Patient(int index, List<string> files)
    {
        var resources = new List<SentResource>();
        foreach (var file in files)
        {
            var facility = Path.GetFileName(file).Split('-')[2];
            foreach (var entry in JsonNode.Parse(File.ReadAllText(file))!["entry"]!.AsArray())
                resources.Add(new SentResource(facility, Normalize(entry!["resource"]!.AsObject(), facility)));
        }
        var enrolling = Path.GetFileName(files[0]).Split('-')[2];
        var patient = resources.First(r => r.Facility == enrolling && r.Type == "Patient");
        return new SentPatient(index, enrolling, SentResource.NetworkId(enrolling, "Patient", patient.SourceId),
            [.. resources.DistinctBy(r => r.Reference)]);
    }

    /// <summary>References to the sender's own ids ("Type/id" without a network id) rewritten as the network stores them.</summary>
    private static JsonObject Normalize(JsonObject resource, string facility)
    {
        Rewrite(resource, facility);
        return resource;
    }

    private static bool IsNetworkId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);

    private static void Rewrite(JsonNode? node, string facility)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["reference"] is JsonValue v && v.GetValue<string>().Split('/') is [var type, var id] && !IsNetworkId(id))
                    obj["reference"] = $"{type}/{SentResource.NetworkId(facility, type, id)}";
                foreach (var (_, child) in obj.ToList())
                    Rewrite(child, facility);
                break;
            case JsonArray array:
                foreach (var item in array)
                    Rewrite(item, facility);
                break;
        }
    }
}
