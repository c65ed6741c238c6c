using System.Collections.Immutable;
using System.Text.Json;
using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Web.Fhir;

/// <summary>Writes searchset/history bundles around stored JSON (which already holds meta.versionId and lastUpdated).</summary>
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

    /// <summary>
    /// The stored JSON as is: it already carries the server's meta (versionId, lastUpdated) written at insert,
    /// and PostgreSQL's jsonb produced the text, so it is valid JSON and is not parsed again.
    /// </summary>
    public static void WriteResource(Utf8JsonWriter w, StoredResource r) => w.WriteRawValue(r.Json, skipInputValidation: true);

    public static string ETag(int version) => $"W/\"{version}\"";
}
