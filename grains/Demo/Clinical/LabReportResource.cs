namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>The lab panel's DiagnosticReport (category LAB, 検体検査報告書) listing the panel's Observations.</summary>
public static class LabReportResource
{
    public static ResourceKey Add(FacilityRecord record, string id, DateTimeOffset at, ResourceKey? encounter,
        IReadOnlyList<ResourceKey> results)
    {
        var patient = record.PatientKey;
        return record.Add("DiagnosticReport", id, at, w =>
        {
            var json = w.Json;
            w.Start("DiagnosticReport", id);
            json.WriteString("status", "final");
            json.WriteStartArray("category");
            w.Concept(null, CodeSystems.DiagnosticServiceSection, "LAB", "Laboratory");
            w.Concept(null, CodeSystems.Loinc, "LP29693-6", "検体検査");
            json.WriteEndArray();
            w.Concept("code", CodeSystems.Loinc, "11502-2", "Laboratory report", "検体検査報告書");
            w.Reference("subject", patient);
            if (encounter is { } visit)
                w.Reference("encounter", visit);
            w.DateTime("effectiveDateTime", at);
            w.DateTime("issued", at.AddHours(2));
            json.WriteStartArray("performer");
            w.Facility(null, record.Facility);
            json.WriteEndArray();
            json.WriteStartArray("result");
            foreach (var result in results)
                w.Reference(null, result);
            json.WriteEndArray();
            w.End();
        });
    }
}
