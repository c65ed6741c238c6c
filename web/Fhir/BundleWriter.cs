using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Web.Fhir;

/// <summary>Writes searchset/history bundles around stored JSON, adding meta.versionId and lastUpdated.</summary>
public static class BundleWriter
{
    public sealed record Link(string Relation, string Url);

    public static void WriteSet(Utf8JsonWriter w, string type, string baseUrl, ImmutableArray<StoredResource> resources,
        int total, IEnumerable<Link> links)
    {
        w.WriteStartObject();
        w.WriteString("resourceType", "Bundle");
        w.WriteString("type", type);
        w.WriteNumber("total", total);
        w.WriteStartArray("link");
        foreach (var link in links)
        {
            w.WriteStartObject();
            w.WriteString("relation", link.Relation);
            w.WriteString("url", link.Url);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("entry");
        foreach (var r in resources)
        {
            w.WriteStartObject();
            w.WriteString("fullUrl", $"{baseUrl}/{r.ResourceType}/{r.ResourceId}");
            w.WritePropertyName("resource");
            WriteResource(w, r);
            if (type == "searchset")
            {
                w.WriteStartObject("search");
                w.WriteString("mode", "match");
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The stored JSON with the server's meta (the version and when this facility's upload was recorded).</summary>
    public static void WriteResource(Utf8JsonWriter w, StoredResource r)
    {
        var node = JsonNode.Parse(r.Json)!.AsObject();
        var meta = node["meta"] as JsonObject ?? [];
        meta["versionId"] = r.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        meta["lastUpdated"] = r.RecordedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        node["meta"] = meta;
        node.WriteTo(w);
    }

    public static string ETag(int version) => $"W/\"{version}\"";
}
