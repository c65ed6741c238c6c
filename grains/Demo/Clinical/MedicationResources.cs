namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>A prescription as the pharmacy later sees it: who wrote it, for what, how much, and for how many days.</summary>
public sealed record Prescription(FacilityRecord Prescriber, ResourceKey Key, Drug Drug, DateTimeOffset AuthoredOn, int Days)
{
    public decimal Quantity => Drug.PerDay * Days;
    public DateOnly CoverageStart => DateOnly.FromDateTime(AuthoredOn.DateTime);
    public DateOnly CoverageEnd => CoverageStart.AddDays(Days - 1);
}

/// <summary>
/// MedicationRequest (処方: drug with YJ/HOT9 code, dose, JAMI usage, days via dispenseRequest.expectedSupplyDuration,
/// prescriber) and MedicationDispense (調剤: whenHandedOver, daysSupply, the prescription it fills).
/// </summary>
public static class MedicationResources
{
    public static Prescription Prescribe(FacilityRecord record, string id, Drug drug, DateTimeOffset at, int days,
        ResourceKey? encounter, string doctor, DateOnly until)
    {
        var patient = record.PatientKey;
        var prescription = new Prescription(record, new ResourceKey(record.Facility.Code, "MedicationRequest", id), drug, at, days);
        var status = prescription.CoverageEnd < until ? "completed" : "active";
        record.Add("MedicationRequest", id, at, w =>
        {
            var json = w.Json;
            w.Start("MedicationRequest", id);
            json.WriteString("status", status);
            json.WriteString("intent", "order");
            w.ConceptList("category", CodeSystems.MedicationRequestCategory, "outpatient", "Outpatient", "院外処方");
            WriteMedication(w, drug);
            w.Reference("subject", patient);
            if (encounter is { } visit)
                w.Reference("encounter", visit);
            w.DateTime("authoredOn", at);
            w.Display("requester", doctor);
            WriteDosage(w, drug);
            json.WriteStartObject("dispenseRequest");
            w.Quantity("quantity", prescription.Quantity, "錠", CodeSystems.Merit9Unit, "TAB");
            w.Quantity("expectedSupplyDuration", days, "日", CodeSystems.Ucum, "d");
            json.WriteEndObject();
            w.End();
        });
        return prescription;
    }

    public static ResourceKey Dispense(FacilityRecord pharmacy, string id, Prescription prescription, DateTimeOffset handedOver,
        string pharmacist)
    {
        var patient = pharmacy.PatientKey;
        return pharmacy.Add("MedicationDispense", id, handedOver, w =>
        {
            var json = w.Json;
            w.Start("MedicationDispense", id);
            json.WriteString("status", "completed");
            w.Concept("category", CodeSystems.DispenseCategory, "O", "Outpatient Order", "外来処方");
            WriteMedication(w, prescription.Drug);
            w.Reference("subject", patient);
            json.WriteStartArray("performer");
            json.WriteStartObject();
            w.Display("actor", pharmacist);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("authorizingPrescription");
            w.Reference(null, prescription.Key, $"{prescription.Prescriber.Facility.Name} {prescription.Drug.Name}");
            json.WriteEndArray();
            w.Quantity("quantity", prescription.Quantity, "錠", CodeSystems.Merit9Unit, "TAB");
            w.Quantity("daysSupply", prescription.Days, "日", CodeSystems.Ucum, "d");
            w.DateTime("whenPrepared", handedOver.AddMinutes(-15));
            w.DateTime("whenHandedOver", handedOver);
            WriteDosage(w, prescription.Drug);
            w.End();
        });
    }

    private static void WriteMedication(FhirWriter w, Drug drug) =>
        w.Concept("medicationCodeableConcept", drug.System, drug.Code, drug.Name, drug.Name);

    private static void WriteDosage(FhirWriter w, Drug drug)
    {
        var json = w.Json;
        json.WriteStartArray("dosageInstruction");
        json.WriteStartObject();
        json.WriteString("text", $"1回{drug.PerDose:0.#}錠 {drug.Usage.Text[6..]}");
        json.WriteStartObject("timing");
        json.WriteStartObject("repeat");
        json.WriteNumber("frequency", drug.Usage.TimesPerDay);
        json.WriteNumber("period", 1);
        json.WriteString("periodUnit", "d");
        json.WriteEndObject();
        w.Concept("code", CodeSystems.JamiUsage, drug.Usage.Code, drug.Usage.Text, drug.Usage.Text[6..]);
        json.WriteEndObject();
        w.Concept("route", CodeSystems.Route, "PO", "口");
        json.WriteStartArray("doseAndRate");
        json.WriteStartObject();
        w.Quantity("doseQuantity", drug.PerDose, "錠", CodeSystems.Merit9Unit, "TAB");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }
}
