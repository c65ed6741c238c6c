using System.Text.Json;
using System.Text.Json.Nodes;

namespace KMN.Orleans.Web.Fhir;

/// <summary>A Reference.reference string and the object that holds it, so it can be rewritten in place later.</summary>
public readonly record struct ReferenceSite(JsonObject Owner, string Reference);

/// <summary>
/// One pass over a resource: collects every Reference.reference (with its owner, so resolving and rewriting
/// need no further walks) and reports strings over the size limit.
/// </summary>
public static class ReferenceWalker
{
    public static void Collect(JsonNode? node, List<ReferenceSite> references, Action<string> tooLong, int maxString)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    if (child is JsonValue value)
                    {
                        // Attachment and Binary payloads are base64 and legitimately large; the bundle size limit
                        // covers them. Skipping them also avoids materializing megabytes of text per walk.
                        if (name == "data" || value.GetValueKind() != JsonValueKind.String)
                            continue;
                        var text = value.GetValue<string>();
                        if (text.Length > maxString)
                            tooLong(name);
                        if (name == "reference")
                            references.Add(new ReferenceSite(obj, text));
                    }
                    else
                    {
                        Collect(child, references, tooLong, maxString);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                    Collect(item, references, tooLong, maxString);
                break;
        }
    }
}
