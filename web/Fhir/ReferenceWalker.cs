using System.Runtime.InteropServices;
using System.Text.Json;

namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// One pass over a resource: collects every Reference.reference and reports strings over the size limit.
/// Strings are measured by their UTF-8 bytes first, so only a suspiciously long one is ever decoded.
/// </summary>
public static class ReferenceWalker
{
    public static void Collect(JsonElement node, List<string> references, Action<string> tooLong, int maxString)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in node.EnumerateObject())
                {
                    var value = property.Value;
                    if (value.ValueKind == JsonValueKind.String)
                    {
                        // Attachment and Binary payloads are base64 and legitimately large; the bundle size limit
                        // covers them.
                        if (property.NameEquals("data"u8))
                            continue;
                        // A character takes at least one UTF-8 byte, so a short byte run is a short string.
                        if (JsonMarshal.GetRawUtf8Value(value).Length > maxString && value.GetString()!.Length > maxString)
                            tooLong(property.Name);
                        if (property.NameEquals("reference"u8))
                            references.Add(value.GetString()!);
                    }
                    else if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        Collect(value, references, tooLong, maxString);
                    }
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray())
                    Collect(item, references, tooLong, maxString);
                break;
        }
    }
}
