using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using KMN.Orleans.Grains.Abstractions.Records;
using static KMN.Orleans.Web.Fhir.JsonText;

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
        ["Media"] = ["createdDateTime", "createdPeriod.start", "issued", "content.creation"],
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
        ["Media"] = "modality", // DX, CT, ... (Media.type, image|video|audio, is its category)
        ["ImagingStudy"] = "modality",
    };

    public static ClinicalIndex Index(string type, JsonElement r)
    {
        if (type == "Binary")
            return ClinicalIndex.Empty with { Category = Text(r, "contentType") }; // image/png, application/pdf, ...
        var effective = DatePaths.TryGetValue(type, out var paths)
            ? paths.Select(p => FhirDates.Parse(Text(Walk(r, p)))).FirstOrDefault(d => d is not null)
            : null;
        var concept = First(Walk(r, CodePaths.GetValueOrDefault(type, "code")));
        if (type == "Encounter")
            concept = First(Prop(r, "type"));
        var coding = First(Prop(concept, "coding"));
        if (coding.ValueKind == JsonValueKind.Undefined && Text(concept, "code") is not null)
            coding = concept; // a bare Coding (ImagingStudy.modality)
        // Some categories are plain codes (AllergyIntolerance.category), most are CodeableConcepts; Media has a type.
        var firstCategory = First(Prop(r, type == "Media" ? "type" : "category"));
        var category = type == "Encounter" ? Text(Walk(r, "class.code"))
            : Text(firstCategory) ?? Text(Prop(First(Prop(firstCategory, "coding")), "code"));
        var quantity = Prop(r, "valueQuantity");
        return new ClinicalIndex(effective, category, Text(coding, "system"), Text(coding, "code"),
            Text(coding, "display") ?? Text(concept, "text"), Number(Prop(quantity, "value")),
            Text(quantity, "unit") ?? Text(quantity, "code"));
    }

    /// <summary>The number as sent (its JSON text), so 5.10 stays 5.10.</summary>
    private static decimal? Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && decimal.TryParse(Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8Value(value)),
            NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}
