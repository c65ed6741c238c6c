using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>
/// Writes a facility's record as transaction Bundles of PUT entries (the sender's id in the url, so a re-upload
/// lands on the same resources). A long history is split at year boundaries into bundles of about
/// <see cref="MaxEntries"/> entries; later bundles name earlier ones' resources by network id.
/// </summary>
public static class BundleWriter
{
    public const int MaxEntries = 1000;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<DemoBundle> Write(FacilityRecord record)
    {
        var every = record.Entries.Where(e => e.Placement == EntryPlacement.EveryBundle).ToList();
        var first = record.Entries.Where(e => e.Placement == EntryPlacement.FirstBundle).ToList();
        var chunks = new List<List<DemoEntry>> { new(first) };
        foreach (var year in record.Entries.Where(e => e.Placement == EntryPlacement.ByDate).OrderBy(e => e.Date).GroupBy(e => e.Date.Year))
        {
            var current = chunks[^1];
            if (current.Count > 0 && current.Count + year.Count() + every.Count > MaxEntries)
                chunks.Add(current = []);
            current.AddRange(year);
        }
        return [.. chunks.Where(c => c.Count > 0).Select(c => Write([.. every, .. c]))];
    }

    private static DemoBundle Write(IReadOnlyList<DemoEntry> entries)
    {
        var members = entries.Select(e => e.Key).ToHashSet();
        var buffer = new ArrayBufferWriter<byte>(entries.Count * 1024);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            var writer = new FhirWriter(json, key => members.Contains(key)
                ? $"{key.Type}/{key.SourceId}"
                : $"{key.Type}/{NetworkIds.For(key)}");
            json.WriteStartObject();
            json.WriteString("resourceType", "Bundle");
            json.WriteString("type", "transaction");
            json.WriteStartArray("entry");
            foreach (var entry in entries)
            {
                json.WriteStartObject();
                json.WritePropertyName("resource");
                entry.Write(writer);
                json.WriteStartObject("request");
                json.WriteString("method", "PUT");
                json.WriteString("url", $"{entry.Key.Type}/{entry.Key.SourceId}");
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return new DemoBundle(buffer.WrittenSpan.ToArray(), [.. entries.Select(e => e.Key)], entries.Count(e => e.IsMeasurement));
    }
}
