using System.Globalization;
using System.Text.Json;
using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Web.Fhir;

/// <summary>transaction-response / batch-response: one entry per request entry, in order.</summary>
public static class UploadResponseWriter
{
    public static void Write(Utf8JsonWriter w, PreparedBundle bundle, UploadResult? result)
    {
        var stored = (result?.Entries ?? []).ToDictionary(e => e.Index);
        w.WriteStartObject();
        w.WriteString("resourceType", "Bundle");
        w.WriteString("type", bundle.IsTransaction ? "transaction-response" : "batch-response");
        w.WriteStartArray("entry");
        foreach (var entry in bundle.Entries.OrderBy(e => e.Index))
        {
            w.WriteStartObject();
            w.WriteStartObject("response");
            if (stored.TryGetValue(entry.Index, out var s))
            {
                w.WriteString("status", s.Write == EntryWrite.Created ? "201 Created" : "200 OK");
                w.WriteString("location", $"{s.ResourceType}/{s.ResourceId}/_history/{s.Version}");
                w.WriteString("etag", BundleWriter.ETag(s.Version));
                w.WriteString("lastModified", s.LastModified.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            }
            else if (entry.AlreadyExists)
            {
                w.WriteString("status", "200 OK");
                w.WriteString("location", entry.Reference);
            }
            else
            {
                w.WriteString("status", "400 Bad Request");
                w.WritePropertyName("outcome");
                FhirJson.WriteOperationOutcome(w, entry.Issues);
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
