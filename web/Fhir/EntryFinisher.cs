using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// The stored form of an entry (see <see cref="StoredJsonWriter"/>), hashed so identical re-uploads are no-ops,
/// with the index fields the timeline and lab series need.
/// </summary>
public static class EntryFinisher
{
    public static ClinicalEntry Finish(ParsedEntry entry)
    {
        // One serialization: the UTF-8 bytes are hashed and become the stored text.
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, FhirJson.WriterOptions))
            StoredJsonWriter.Write(writer, entry.Resource, entry.LogicalId, entry.Rewrites);
        var hash = SHA256.HashData(buffer.WrittenSpan);
        return new ClinicalEntry(entry.Index, entry.Type, entry.LogicalId, entry.SourceId, buffer.WrittenSpan.ToArray(), hash,
            entry.PatientBound, ClinicalIndexer.Index(entry.Type, entry.Resource), entry.Identifiers);
    }
}
