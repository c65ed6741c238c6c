using System.Text;
using System.Text.Json;

namespace KMN.Orleans.Web.Fhir.Shapes;

/// <summary>
/// A fast, allocation-light walk of a resource's JSON against <see cref="R4Shapes"/>. It answers only "certainly
/// valid": every element known (exact case), repeating exactly when the model says, within cardinality, no
/// duplicates, no empty objects or arrays, every mandatory element present, every primitive valid by its type's
/// own rule, contained resources not nested. Anything else — including forms it does not follow, such as
/// <c>_element</c> extensions, nulls or escaped names — answers "not sure", and Firely's full deserializer decides
/// and words the problems. So the fast path never accepts what Firely would refuse.
/// </summary>
public static class ShapeCheck
{
    private const int MaxNameLength = 128;

    public static bool Conforms(ReadOnlySpan<byte> json, string resourceType)
    {
        if (!R4Shapes.Instance.Resources.TryGetValue(resourceType, out var shape))
            return false;
        var reader = new Utf8JsonReader(json);
        return reader.Read() && reader.TokenType == JsonTokenType.StartObject && Object(ref reader, shape, inContained: false)
               && !reader.Read();
    }

    /// <summary>The reader is on StartObject; on success it is left on the matching EndObject.</summary>
    private static bool Object(ref Utf8JsonReader reader, TypeShape shape, bool inContained)
    {
        Span<bool> seen = shape.SlotCount <= 256 ? stackalloc bool[shape.SlotCount] : new bool[shape.SlotCount];
        var sawResourceType = false;
        var any = false;
        Span<char> name = stackalloc char[MaxNameLength];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxNameLength)
                return false;
            if (shape.IsResource && reader.ValueTextEquals("resourceType"u8))
            {
                // Once, and naming this very type (the caller chose the shape from it).
                if (sawResourceType || !reader.Read() || reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals(shape.Name))
                    return false;
                sawResourceType = true;
                continue;
            }
            var length = Encoding.UTF8.GetChars(reader.ValueSpan, name);
            if (!shape.ByName.TryGetValue(name[..length], out var element) || seen[element.Slot])
                return false;
            if (inContained && shape.IsResource && element.Value == ValueShape.Resource && element.Name == "contained")
                return false; // contained resources must not contain others
            seen[element.Slot] = true;
            any = true;
            if (!reader.Read() || !Property(ref reader, element, inContained))
                return false;
        }
        if (reader.TokenType != JsonTokenType.EndObject || !any || (shape.IsResource && !sawResourceType))
            return false;
        foreach (var slot in shape.MandatorySlots)
            if (!seen[slot])
                return false;
        return true;
    }

    /// <summary>The reader is on the property's value; on success it is left on the value's last token.</summary>
    private static bool Property(ref Utf8JsonReader reader, ElementShape element, bool inContained)
    {
        if (!element.IsCollection)
            return reader.TokenType != JsonTokenType.StartArray && Value(ref reader, element, inContained);
        if (reader.TokenType != JsonTokenType.StartArray)
            return false;
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartArray || !Value(ref reader, element, inContained))
                return false;
            count++;
        }
        return count > 0 && (element.Max < 0 || count <= element.Max);
    }

    private static bool Value(ref Utf8JsonReader reader, ElementShape element, bool inContained)
    {
        switch (element.Value)
        {
            case ValueShape.Primitive:
                return reader.TokenType is JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False
                       && element.Primitive!.Accepts(ref reader);
            case ValueShape.Complex:
                return reader.TokenType == JsonTokenType.StartObject && Object(ref reader, element.Complex!, inContained);
            default:
                return reader.TokenType == JsonTokenType.StartObject && ResourceTypeOf(reader) is { } shape
                       && Object(ref reader, shape, inContained: inContained || element.Name == "contained");
        }
    }

    /// <summary>A nested resource's type, read ahead on a copy of the reader (it may come after other properties).</summary>
    private static TypeShape? ResourceTypeOf(Utf8JsonReader ahead)
    {
        var depth = ahead.CurrentDepth + 1;
        Span<char> name = stackalloc char[MaxNameLength];
        while (ahead.Read() && ahead.CurrentDepth >= depth)
        {
            if (ahead.TokenType != JsonTokenType.PropertyName || ahead.CurrentDepth != depth || !ahead.ValueTextEquals("resourceType"u8))
                continue;
            if (!ahead.Read() || ahead.TokenType != JsonTokenType.String || ahead.ValueIsEscaped || ahead.ValueSpan.Length > MaxNameLength)
                return null;
            var length = Encoding.UTF8.GetChars(ahead.ValueSpan, name);
            return R4Shapes.Instance.ResourcesByName.TryGetValue(name[..length], out var shape) ? shape : null;
        }
        return null;
    }
}
