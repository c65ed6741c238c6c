using System.Text.Json;

namespace KMN.Orleans.Web.Fhir;

/// <summary>Null-tolerant reads from the uploaded JSON: a missing or mistyped element is simply absent.</summary>
public static class JsonText
{
    /// <summary>The child element, or default (Undefined) when the node is not an object or lacks it.</summary>
    public static JsonElement Prop(JsonElement node, string name) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var child) ? child : default;

    /// <summary>A dotted path of object properties, e.g. "effectivePeriod.start".</summary>
    public static JsonElement Walk(JsonElement node, string path)
    {
        foreach (var part in path.Split('.'))
            node = Prop(node, part);
        return node;
    }

    /// <summary>The first item of an array, or the node itself when it is not one.</summary>
    public static JsonElement First(JsonElement node) =>
        node.ValueKind != JsonValueKind.Array ? node : node.GetArrayLength() > 0 ? node[0] : default;

    public static string? Text(JsonElement node) => node.ValueKind == JsonValueKind.String ? node.GetString() : null;

    public static string? Text(JsonElement node, string name) => Text(Prop(node, name));
}
