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
    /// <param name="scratch">Reused for every entry of a bundle: it grows once to the largest resource instead of
    /// every entry growing (and copying) its own buffer; only the finished bytes are copied out.</param>
    public static ClinicalEntry Finish(ParsedEntry entry, ArrayBufferWriter<byte> scratch)
    {
        // One serialization: the UTF-8 bytes are hashed and become the stored text.
        scratch.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(scratch, FhirJson.WriterOptions))
            StoredJsonWriter.Write(writer, entry.Resource, entry.LogicalId, entry.Rewrites);
        var hash = SHA256.HashData(scratch.WrittenSpan);
        return new ClinicalEntry(entry.Index, entry.Type, entry.LogicalId, entry.SourceId, scratch.WrittenSpan.ToArray(), hash,
            entry.PatientBound, ClinicalIndexer.Index(entry.Type, entry.Resource), entry.Identifiers);
    }
}
