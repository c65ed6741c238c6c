namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>A visit: class AMB (外来), IMP (入院) or HH (訪問), a type in words, the doctor, the period and why.</summary>
public static class EncounterResource
{
    public static ResourceKey Add(FacilityRecord record, string id, string classCode, string typeText,
        DateTimeOffset start, DateTimeOffset end, string staff, IReadOnlyList<ResourceKey> reasons)
    {
        var patient = record.PatientKey;
        return record.Add("Encounter", id, start, w =>
        {
            var json = w.Json;
            w.Start("Encounter", id);
            json.WriteString("status", "finished");
            json.WriteStartObject("class");
            json.WriteString("system", CodeSystems.ActCode);
            json.WriteString("code", classCode);
            json.WriteString("display", ClassDisplay(classCode));
            json.WriteEndObject();
            json.WriteStartArray("type");
            json.WriteStartObject();
            json.WriteString("text", typeText);
            json.WriteEndObject();
            json.WriteEndArray();
            w.Reference("subject", patient);
            json.WriteStartArray("participant");
            json.WriteStartObject();
            w.Display("individual", staff);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("period");
            w.DateTime("start", start);
            w.DateTime("end", end);
            json.WriteEndObject();
            if (reasons.Count > 0)
            {
                json.WriteStartArray("reasonReference");
                foreach (var reason in reasons)
                    w.Reference(null, reason);
                json.WriteEndArray();
            }
            w.Facility("serviceProvider", record.Facility);
            w.End();
        });
    }

    public static string ClassDisplay(string classCode) => classCode switch
    {
        "IMP" => "入院",
        "HH" => "在宅",
        _ => "外来",
    };
}
