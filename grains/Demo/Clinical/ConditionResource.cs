namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>
/// A diagnosis (病名): ICD-10 with the Japanese name, onset, and — for a diagnosis the patient has not been
/// told — the network's 未告知 extension, which the consent rules honor.
/// </summary>
public static class ConditionResource
{
    public static ResourceKey Add(FacilityRecord record, string id, Diagnosis diagnosis, DateOnly onset, DateTimeOffset recorded,
        DateOnly? abatement, ResourceKey? encounter, string doctor, bool undisclosed = false)
    {
        var patient = record.PatientKey;
        return record.Add("Condition", id, recorded, w =>
        {
            var json = w.Json;
            w.Start("Condition", id);
            if (undisclosed)
            {
                json.WriteStartArray("extension");
                json.WriteStartObject();
                json.WriteString("url", KmnFhir.UndisclosedToPatient);
                json.WriteBoolean("valueBoolean", true);
                json.WriteEndObject();
                json.WriteEndArray();
            }
            var resolved = abatement is not null;
            w.Concept("clinicalStatus", CodeSystems.ConditionClinical, resolved ? "resolved" : "active", resolved ? "Resolved" : "Active");
            w.Concept("verificationStatus", CodeSystems.ConditionVerification, "confirmed", "Confirmed");
            w.ConceptList("category", CodeSystems.ConditionCategory, resolved ? "encounter-diagnosis" : "problem-list-item",
                resolved ? "Encounter Diagnosis" : "Problem List Item");
            w.Concept("code", CodeSystems.Icd10, diagnosis.Icd10, diagnosis.Name, diagnosis.Name);
            w.Reference("subject", patient);
            if (encounter is { } visit)
                w.Reference("encounter", visit);
            w.Date("onsetDateTime", onset);
            if (abatement is { } end)
                w.Date("abatementDateTime", end);
            w.Date("recordedDate", DateOnly.FromDateTime(recorded.DateTime));
            w.Display("recorder", doctor);
            w.End();
        });
    }
}
