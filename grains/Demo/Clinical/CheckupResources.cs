namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>
/// The overall judgement of a 健診 (docs/adr/0010): an Observation in the checkup category, coded 総合判定, whose
/// value is the A–E judgement, whose members are the year's item Observations, with the doctor's comment as a note.
/// </summary>
public static class CheckupResources
{
    public static ResourceKey AddOverall(FacilityRecord record, string id, DateTimeOffset at, ResourceKey encounter,
        IReadOnlyList<ResourceKey> items, Judgement overall, string title, string doctor)
    {
        var patient = record.PatientKey;
        return record.Add("Observation", id, at, w =>
        {
            var json = w.Json;
            w.Start("Observation", id);
            json.WriteString("status", "final");
            json.WriteStartArray("category");
            w.Concept(null, KmnFhir.ObservationCategory, KmnFhir.CheckupCategory, "健診");
            json.WriteEndArray();
            w.Concept("code", KmnFhir.CheckupItem, KmnFhir.OverallJudgementCode, "総合判定", $"{title} 総合判定");
            w.Reference("subject", patient);
            w.Reference("encounter", encounter);
            w.DateTime("effectiveDateTime", at);
            w.DateTime("issued", at.AddDays(14));
            json.WriteStartArray("performer");
            w.Display(null, doctor);
            json.WriteEndArray();
            w.Concept("valueCodeableConcept", KmnFhir.CheckupJudgement, overall.Code, overall.Display, $"{overall.Code}（{overall.Display}）");
            json.WriteStartArray("note");
            json.WriteStartObject();
            json.WriteString("text", CheckupJudgement.Comment(overall));
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("hasMember");
            foreach (var item in items)
                w.Reference(null, item);
            json.WriteEndArray();
            w.End();
        });
    }
}
