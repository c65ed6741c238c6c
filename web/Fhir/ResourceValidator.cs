using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// Checks a resource against the R4 model with Firely's deserializer: unknown elements (STU3 or R5 content),
/// wrong types, invalid dates and codes. The stored JSON is the sender's, not a POCO round trip.
/// </summary>
public sealed class ResourceValidator
{
    private const int MaxReported = 5;
    private const int MaxMessageLength = 400;
    private readonly FhirJsonDeserializer _deserializer = new(new DeserializerSettings());

    public static bool IsKnownType(string type) => ModelInfo.IsKnownResource(type);

    public IReadOnlyList<string> Validate(JsonObject resource)
    {
        // UTF-8 straight from the node: no intermediate string.
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, FhirJson.WriterOptions))
            resource.WriteTo(writer);
        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        if (_deserializer.TryDeserializeResource(ref reader, out _, out var issues))
            return [];
        return issues.Take(MaxReported)
            .Select(i => i.Message.Length > MaxMessageLength ? i.Message[..MaxMessageLength] + "…" : i.Message)
            .Select(m => m.Contains("unknown", StringComparison.OrdinalIgnoreCase) ? $"R4 にない要素です (STU3/R5 の内容?): {m}" : m)
            .ToList();
    }
}
