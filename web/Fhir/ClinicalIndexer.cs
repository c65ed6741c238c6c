using System.Globalization;
using System.Text.Json.Nodes;
using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Web.Fhir;

/// <summary>Pulls the timeline and lab-series fields out of a resource (date, category, first coding, quantity).</summary>
public static class ClinicalIndexer
{
    private static readonly Dictionary<string, string[]> DatePaths = new()
    {
        ["Observation"] = ["effectiveDateTime", "effectivePeriod.start", "effectiveInstant", "issued"],
        ["Encounter"] = ["period.start"],
        ["Condition"] = ["onsetDateTime", "onsetPeriod.start", "recordedDate"],
        ["AllergyIntolerance"] = ["onsetDateTime", "recordedDate"],
        ["MedicationRequest"] = ["authoredOn"],
        ["MedicationDispense"] = ["whenHandedOver", "whenPrepared"],
        ["MedicationStatement"] = ["effectiveDateTime", "effectivePeriod.start", "dateAsserted"],
        ["MedicationAdministration"] = ["effectiveDateTime", "effectivePeriod.start"],
        ["DiagnosticReport"] = ["effectiveDateTime", "effectivePeriod.start", "issued"],
        ["ImagingStudy"] = ["started"],
        ["Media"] = ["createdDateTime", "createdPeriod.start", "issued"],
        ["DocumentReference"] = ["date"],
        ["Immunization"] = ["occurrenceDateTime", "recorded"],
        ["Procedure"] = ["performedDateTime", "performedPeriod.start"],
        ["Claim"] = ["billablePeriod.start", "created"],
        ["ExplanationOfBenefit"] = ["billablePeriod.start", "created"],
        ["CarePlan"] = ["period.start", "created"],
        ["CareTeam"] = ["period.start"],
        ["Goal"] = ["startDate", "statusDate"],
        ["Consent"] = ["dateTime"],
        ["Provenance"] = ["recorded"],
    };

    private static readonly Dictionary<string, string> CodePaths = new()
    {
        ["MedicationRequest"] = "medicationCodeableConcept",
        ["MedicationDispense"] = "medicationCodeableConcept",
        ["MedicationStatement"] = "medicationCodeableConcept",
        ["MedicationAdministration"] = "medicationCodeableConcept",
        ["Immunization"] = "vaccineCode",
        ["Claim"] = "type",
        ["ExplanationOfBenefit"] = "type",
        ["DocumentReference"] = "type",
    };

    public static ClinicalIndex Index(string type, JsonObject r)
    {
        var effective = DatePaths.TryGetValue(type, out var paths)
            ? paths.Select(p => FhirDates.Parse(Text(Walk(r, p)))).FirstOrDefault(d => d is not null)
            : null;
        var concept = type == "Encounter" ? First(r["type"]) : Walk(r, CodePaths.GetValueOrDefault(type, "code"));
        var coding = First(Prop(concept, "coding"));
        // Some categories are plain codes (AllergyIntolerance.category), most are CodeableConcepts.
        var firstCategory = First(r["category"]);
        var category = type == "Encounter" ? Text(Walk(r, "class.code"))
            : Text(firstCategory) ?? Text(Prop(First(Prop(firstCategory, "coding")), "code"));
        var quantity = r["valueQuantity"] as JsonObject;
        decimal? value = Prop(quantity, "value") is JsonValue v && decimal.TryParse(v.ToJsonString(), NumberStyles.Float,
            CultureInfo.InvariantCulture, out var d) ? d : null;
        return new ClinicalIndex(effective, category, Text(Prop(coding, "system")), Text(Prop(coding, "code")),
            Text(Prop(coding, "display")) ?? Text(Prop(concept, "text")), value,
            Text(Prop(quantity, "unit")) ?? Text(Prop(quantity, "code")));
    }

    private static JsonNode? Prop(JsonNode? node, string name) => node is JsonObject o ? o[name] : null;

    private static JsonNode? Walk(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
            node = node is JsonObject o ? o[part] : null;
        return node;
    }

    private static JsonNode? First(JsonNode? node) => node is JsonArray a ? (a.Count > 0 ? a[0] : null) : node;

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
