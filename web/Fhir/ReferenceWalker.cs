using System.Text.Json.Nodes;

namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// Visits every Reference.reference string in a resource (and checks string sizes on the way). The visitor
/// returns the replacement text, or null to keep it.
/// </summary>
public static class ReferenceWalker
{
    public static void Walk(JsonNode? node, Func<string, string?> visit, Action<string>? tooLong = null, int maxString = int.MaxValue)
    {
        switch (node)
        {
            case JsonObject obj:
                List<(string Name, string Value)>? changes = null;
                foreach (var (name, child) in obj)
                {
                    if (child is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        // Attachment and Binary payloads are base64 and legitimately large; the bundle size limit covers them.
                        if (text.Length > maxString && name != "data")
                            tooLong?.Invoke(name);
                        if (name == "reference" && visit(text) is { } replaced && replaced != text)
                            (changes ??= []).Add((name, replaced));
                    }
                    else
                    {
                        Walk(child, visit, tooLong, maxString);
                    }
                }
                foreach (var (name, replaced) in changes ?? [])
                    obj[name] = replaced;
                break;
            case JsonArray array:
                foreach (var item in array)
                    Walk(item, visit, tooLong, maxString);
                break;
        }
    }
}
