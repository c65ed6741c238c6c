using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>What an Observation is: its first category coding is what the network indexes (ClinicalIndex.Category).</summary>
public enum ObservationKind
{
    Laboratory, // JP Core laboratory
    Vital,      // JP Core vital-signs
    Checkup,    // the network's checkup, then laboratory or vital-signs
}

/// <summary>
/// One result: JLAC10 first (the indexed coding), LOINC second, a UCUM quantity, the reference range for the
/// patient's sex, H/L when outside it, and for 健診 items the A–E judgement as the first interpretation.
/// </summary>
public static class ObservationResource
{
    public static ResourceKey Add(FacilityRecord record, string id, LabTest test, decimal value, Sex sex, DateTimeOffset at,
        ResourceKey? encounter, ObservationKind kind, Judgement? judgement = null)
    {
        var patient = record.PatientKey;
        var range = test.RangeFor(sex);
        var flag = range?.Flag(value);
        return record.Add("Observation", id, at, w =>
        {
            var json = w.Json;
            w.Start("Observation", id);
            json.WriteString("status", "final");
            WriteCategories(w, test, kind);
            w.StartConcept("code");
            w.Coding(CodeSystems.Jlac10, test.Jlac10, test.Name);
            w.Coding(CodeSystems.Loinc, test.Loinc, test.LoincDisplay);
            w.EndConcept(test.Name);
            w.Reference("subject", patient);
            if (encounter is { } visit)
                w.Reference("encounter", visit);
            w.DateTime("effectiveDateTime", at);
            w.DateTime("issued", at.AddHours(kind == ObservationKind.Laboratory ? 2 : 0));
            json.WriteStartArray("performer");
            w.Facility(null, record.Facility);
            json.WriteEndArray();
            w.Quantity("valueQuantity", value, test.Unit, CodeSystems.Ucum, test.Ucum);
            if (judgement is not null || flag is not null)
            {
                json.WriteStartArray("interpretation");
                if (judgement is { } j)
                    w.Concept(null, KmnFhir.CheckupJudgement, j.Code, j.Display, j.Code);
                if (flag is not null)
                    w.Concept(null, CodeSystems.Interpretation, flag, flag == "H" ? "High" : "Low", flag);
                json.WriteEndArray();
            }
            if (range is not null)
                WriteRange(w, test, range);
            w.End();
        }, measurement: true);
    }

    private static void WriteCategories(FhirWriter w, LabTest test, ObservationKind kind)
    {
        var json = w.Json;
        var measurement = test.Jlac10.StartsWith('9');
        json.WriteStartArray("category");
        if (kind == ObservationKind.Checkup)
            w.Concept(null, KmnFhir.ObservationCategory, KmnFhir.CheckupCategory, "健診");
        if (measurement)
            w.Concept(null, CodeSystems.JpObservationCategory, "vital-signs", "Vital Signs");
        else
            w.Concept(null, CodeSystems.JpObservationCategory, "laboratory", "Laboratory");
        json.WriteEndArray();
    }

    private static void WriteRange(FhirWriter w, LabTest test, Range range)
    {
        var json = w.Json;
        json.WriteStartArray("referenceRange");
        json.WriteStartObject();
        if (range.Low is { } low)
            w.Quantity("low", low, test.Unit, CodeSystems.Ucum, test.Ucum);
        if (range.High is { } high)
            w.Quantity("high", high, test.Unit, CodeSystems.Ucum, test.Ucum);
        w.Concept("type", CodeSystems.ReferenceRangeMeaning, "normal", "Normal Range");
        json.WriteEndObject();
        json.WriteEndArray();
    }
}
