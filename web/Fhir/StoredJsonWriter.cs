using System.Runtime.InteropServices;
using System.Text.Json;

namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// Writes the stored form of a resource straight from the uploaded JSON, in one pass: <c>meta</c> first (without
/// versionId and lastUpdated, which the store adds by splicing text), the network id in place of the sender's,
/// rewritten references; everything else copied as sent. Property order is kept, so the text (and its hash) is
/// the same as earlier releases produced for the same upload.
/// </summary>
public static class StoredJsonWriter
{
    public static void Write(Utf8JsonWriter w, JsonElement resource, string logicalId, IReadOnlyDictionary<string, string> rewrites)
    {
        w.WriteStartObject();
        w.WriteStartObject("meta");
        if (resource.TryGetProperty("meta"u8, out var meta) && meta.ValueKind == JsonValueKind.Object)
            foreach (var property in meta.EnumerateObject())
                if (!property.NameEquals("versionId"u8) && !property.NameEquals("lastUpdated"u8))
                    CopyProperty(w, property, rewrites);
        w.WriteEndObject();
        var wroteId = false;
        foreach (var property in resource.EnumerateObject())
        {
            if (property.NameEquals("meta"u8))
                continue;
            if (property.NameEquals("id"u8))
            {
                w.WriteString("id"u8, logicalId);
                wroteId = true;
                continue;
            }
            CopyProperty(w, property, rewrites);
        }
        if (!wroteId)
            w.WriteString("id"u8, logicalId);
        w.WriteEndObject();
    }

    private static void CopyProperty(Utf8JsonWriter w, JsonProperty property, IReadOnlyDictionary<string, string> rewrites)
    {
        var value = property.Value;
        switch (value.ValueKind)
        {
            case JsonValueKind.Object or JsonValueKind.Array:
                WriteName(w, property);
                CopyValue(w, value, rewrites);
                break;
            case JsonValueKind.String when rewrites.Count > 0 && property.NameEquals("reference"u8)
                                          && rewrites.TryGetValue(value.GetString()!, out var target):
                w.WriteString("reference"u8, target);
                break;
            default:
                property.WriteTo(w);
                break;
        }
    }

    private static void CopyValue(Utf8JsonWriter w, JsonElement value, IReadOnlyDictionary<string, string> rewrites)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                w.WriteStartObject();
                foreach (var property in value.EnumerateObject())
                    CopyProperty(w, property, rewrites);
                w.WriteEndObject();
                break;
            case JsonValueKind.Array:
                w.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                    CopyValue(w, item, rewrites);
                w.WriteEndArray();
                break;
            default:
                value.WriteTo(w);
                break;
        }
    }

    /// <summary>FHIR element names are plain ASCII: the raw bytes are the name unless the sender escaped it.</summary>
    private static void WriteName(Utf8JsonWriter w, JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.IndexOf((byte)'\\') < 0)
            w.WritePropertyName(raw);
        else
            w.WritePropertyName(property.Name);
    }
}
