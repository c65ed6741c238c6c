using System.Reflection;
using System.Text.Json;
using Hl7.Fhir.Introspection;
using Hl7.Fhir.Model;

namespace KMN.Orleans.Web.Fhir.Shapes;

/// <summary>
/// Whether a JSON primitive is a valid value of a FHIR primitive type, decided exactly as Firely's deserializer
/// decides it: the JSON token it reads, then the type's own <c>IsValidValue</c> (regexes, date parsing, enum
/// literals). Null for a type this fast check does not know: such values are left to Firely.
/// </summary>
public sealed class PrimitiveRule
{
    private enum Token
    {
        String,
        Text,
        Boolean,
        Int32,
        PositiveInt32,
        UnsignedInt32,
        Decimal,
    }

    private readonly Token _token;
    private readonly Func<string, bool>? _isValid;
    private readonly ValidValueCache _known = new();

    private PrimitiveRule(Token token, Func<string, bool>? isValid = null) => (_token, _isValid) = (token, isValid);

    /// <summary>Narrative XHTML: any string, since the deserializer's narrative validation is off by default.</summary>
    private static readonly PrimitiveRule AnyString = new(Token.String);

    public static PrimitiveRule? For(ClassMapping mapping)
    {
        var type = mapping.NativeType;
        if (type == typeof(FhirBoolean))
            return new(Token.Boolean);
        if (type == typeof(Integer))
            return new(Token.Int32);
        if (type == typeof(PositiveInt))
            return new(Token.PositiveInt32);
        if (type == typeof(UnsignedInt))
            return new(Token.UnsignedInt32);
        if (type == typeof(FhirDecimal))
            return new(Token.Decimal);
        if (type == typeof(XHtml))
            return AnyString;
        if (type == typeof(FhirString) || type == typeof(Markdown))
            return StringRule(type) is { } text ? new(Token.Text, text) : null;
        if (mapping.IsCodeOfT)
            return StringRule(type) is { } literal ? new(Token.String, s => !string.IsNullOrWhiteSpace(s) && literal(s)) : null;
        return StringRule(type) is { } rule ? new(Token.String, rule) : null;
    }

    /// <summary>The type's public static IsValidValue(string): what its ValidateObjectValue applies to a string.</summary>
    private static Func<string, bool>? StringRule(Type type) =>
        type.GetMethod("IsValidValue", BindingFlags.Public | BindingFlags.Static, [typeof(string)]) is { ReturnType: var r } method && r == typeof(bool)
            ? method.CreateDelegate<Func<string, bool>>()
            : null;

    /// <summary>The reader is on the value token; it is not moved.</summary>
    public bool Accepts(ref Utf8JsonReader reader) => _token switch
    {
        Token.Boolean => reader.TokenType is JsonTokenType.True or JsonTokenType.False,
        Token.Int32 => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out _),
        Token.PositiveInt32 => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var p) && p > 0,
        Token.UnsignedInt32 => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var u) && u >= 0,
        Token.Decimal => reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out _),
        Token.Text => reader.TokenType == JsonTokenType.String && (IsShortText(ref reader) || _isValid!(reader.GetString()!)),
        _ => reader.TokenType == JsonTokenType.String && (_isValid is null || _known.IsValid(ref reader, _isValid)),
    };

    /// <summary>
    /// A FHIR string needs at least one character (Firely also caps it at a million): a short, unescaped, non-empty
    /// UTF-8 run passes without decoding, anything else is decoded and asked.
    /// </summary>
    private static bool IsShortText(ref Utf8JsonReader reader) =>
        !reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.Length is > 0 and <= 4096;
}
