using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using KMN.Orleans.Web.Fhir.Shapes;

namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// Checks a resource against the R4 model: unknown elements (STU3 or R5 content), wrong types, invalid dates and
/// codes. The fast shape check (<see cref="ShapeCheck"/>) clears ordinary resources without building objects; whatever
/// it cannot vouch for goes through Firely's full deserializer, which decides and words the problems. The stored
/// JSON is the sender's, not a POCO round trip.
/// </summary>
public sealed class ResourceValidator
{
    private const int MaxReported = 5;
    private const int MaxMessageLength = 400;
    private readonly FhirJsonDeserializer _deserializer = new(new DeserializerSettings());

    public static bool IsKnownType(string type) => ModelInfo.IsKnownResource(type);

    /// <param name="resource">The resource's JSON as sent (UTF-8), straight from the request body.</param>
    /// <param name="resourceType">Its resourceType, already known to be an R4 resource.</param>
    public IReadOnlyList<string> Validate(ReadOnlySpan<byte> resource, string resourceType)
    {
        if (ShapeCheck.Conforms(resource, resourceType))
            return [];
        var reader = new Utf8JsonReader(resource);
        IEnumerable<Hl7.Fhir.Utility.CodedException> issues;
        try
        {
            if (_deserializer.TryDeserializeResource(ref reader, out _, out issues))
                return [];
        }
        catch (Exception e) when (e is InvalidOperationException or JsonException or FormatException or ArgumentException)
        {
            // Some malformed shapes (a number where a nested resourceType belongs) make the deserializer throw
            // instead of reporting: still the sender's fault, so a 400 naming the entry, not a 500.
            return [$"R4 のリソースとして読めません: {Shorten(e.Message)}"];
        }
        return issues.Take(MaxReported)
            .Select(i => Shorten(i.Message))
            .Select(m => m.Contains("unknown", StringComparison.OrdinalIgnoreCase) ? $"R4 にない要素です (STU3/R5 の内容?): {m}" : m)
            .ToList();
    }

    private static string Shorten(string message) => message.Length > MaxMessageLength ? message[..MaxMessageLength] + "…" : message;
}
