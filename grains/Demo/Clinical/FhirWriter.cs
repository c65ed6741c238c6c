using System.Globalization;
using System.Text.Json;
using KMN.Orleans.Grains.Abstractions.Facilities;

namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>
/// Writes FHIR JSON elements straight to a <see cref="Utf8JsonWriter"/> (no POCOs). References go through the
/// bundle being written: a resource in the same bundle is named by the sender's id, anything uploaded earlier
/// by its network id.
/// </summary>
public sealed class FhirWriter(Utf8JsonWriter json, Func<ResourceKey, string> referenceOf)
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    public Utf8JsonWriter Json => json;

    public void Start(string resourceType, string id)
    {
        json.WriteStartObject();
        json.WriteString("resourceType", resourceType);
        json.WriteString("id", id);
    }

    public void End() => json.WriteEndObject();

    public void String(string name, string value) => json.WriteString(name, value);

    /// <summary>A Reference; <paramref name="name"/> null inside an array.</summary>
    public void Reference(string? name, ResourceKey target, string? display = null)
    {
        StartObject(name);
        json.WriteString("reference", referenceOf(target));
        if (display is not null)
            json.WriteString("display", display);
        json.WriteEndObject();
    }

    /// <summary>A reference by identifier and name only (a facility or a person outside the bundle).</summary>
    public void Display(string? name, string display)
    {
        StartObject(name);
        json.WriteString("display", display);
        json.WriteEndObject();
    }

    public void Facility(string? name, FacilityProfile facility)
    {
        StartObject(name);
        json.WriteStartObject("identifier");
        json.WriteString("system", CodeSystems.FacilityNumber);
        json.WriteString("value", facility.Code);
        json.WriteEndObject();
        json.WriteString("display", facility.Name);
        json.WriteEndObject();
    }

    public void Coding(string system, string code, string? display)
    {
        json.WriteStartObject();
        json.WriteString("system", system);
        json.WriteString("code", code);
        if (display is not null)
            json.WriteString("display", display);
        json.WriteEndObject();
    }

    /// <summary>A CodeableConcept with one coding and optional text; <paramref name="name"/> null inside an array.</summary>
    public void Concept(string? name, string system, string code, string? display, string? text = null)
    {
        StartConcept(name);
        Coding(system, code, display);
        EndConcept(text);
    }

    public void StartConcept(string? name)
    {
        StartObject(name);
        json.WriteStartArray("coding");
    }

    public void EndConcept(string? text)
    {
        json.WriteEndArray();
        if (text is not null)
            json.WriteString("text", text);
        json.WriteEndObject();
    }

    /// <summary>A one-element array of CodeableConcept (category, type, ...).</summary>
    public void ConceptList(string name, string system, string code, string? display, string? text = null)
    {
        json.WriteStartArray(name);
        Concept(null, system, code, display, text);
        json.WriteEndArray();
    }

    public void StartObject(string? name)
    {
        if (name is null)
            json.WriteStartObject();
        else
            json.WriteStartObject(name);
    }

    public void Quantity(string name, decimal value, string unit, string system, string code)
    {
        json.WriteStartObject(name);
        json.WriteNumber("value", value);
        json.WriteString("unit", unit);
        json.WriteString("system", system);
        json.WriteString("code", code);
        json.WriteEndObject();
    }

    public void DateTime(string name, DateTimeOffset value) => json.WriteString(name, Format(value));

    public void Date(string name, DateOnly value) => json.WriteString(name, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Japan time with its offset, e.g. 2024-05-10T09:30:00+09:00 (FHIR dateTime and instant).</summary>
    public static string Format(DateTimeOffset value) =>
        value.ToOffset(Jst).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
