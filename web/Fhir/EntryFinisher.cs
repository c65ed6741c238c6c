using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// The stored form of an entry: the sender's JSON with the network id and rewritten references, without the
/// server-assigned meta, hashed so identical re-uploads are no-ops. <c>meta</c> is moved to the front (empty if
/// the sender had none) so the writer can add versionId and lastUpdated by splicing text, without re-parsing.
/// </summary>
public static class EntryFinisher
{
    public static ClinicalEntry Finish(ParsedEntry entry)
    {
        var resource = entry.Resource;
        resource["id"] = entry.LogicalId;
        var meta = resource["meta"] as JsonObject ?? [];
        resource.Remove("meta");
        meta.Remove("versionId");
        meta.Remove("lastUpdated");
        resource.Insert(0, "meta", meta);

        // One serialization: the UTF-8 bytes are hashed and become the stored text.
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, FhirJson.WriterOptions))
            resource.WriteTo(writer);
        var hash = SHA256.HashData(buffer.WrittenSpan);
        var json = Encoding.UTF8.GetString(buffer.WrittenSpan);
        return new ClinicalEntry(entry.Index, entry.Type, entry.LogicalId, entry.SourceId, json, hash,
            entry.PatientBound, ClinicalIndexer.Index(entry.Type, resource), entry.Identifiers);
    }
}
