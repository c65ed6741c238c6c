using System.Text;

namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>A DocumentReference carrying a plain-text document (e.g. 退院時サマリー) as base64 UTF-8.</summary>
public static class DocumentResource
{
    public static ResourceKey Add(FacilityRecord record, string id, DateTimeOffset at, ResourceKey encounter,
        DateTimeOffset periodStart, string loinc, string loincDisplay, string title, string author, string text)
    {
        var patient = record.PatientKey;
        return record.Add("DocumentReference", id, at, w =>
        {
            var json = w.Json;
            w.Start("DocumentReference", id);
            json.WriteString("status", "current");
            json.WriteString("docStatus", "final");
            w.Concept("type", CodeSystems.Loinc, loinc, loincDisplay, title);
            w.Reference("subject", patient);
            w.DateTime("date", at);
            json.WriteStartArray("author");
            w.Display(null, author);
            json.WriteEndArray();
            w.Facility("custodian", record.Facility);
            json.WriteString("description", title);
            json.WriteStartArray("content");
            json.WriteStartObject();
            json.WriteStartObject("attachment");
            json.WriteString("contentType", "text/plain; charset=utf-8");
            json.WriteString("language", "ja");
            json.WriteBase64String("data", Encoding.UTF8.GetBytes(text));
            json.WriteString("title", title);
            w.DateTime("creation", at);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("context");
            json.WriteStartArray("encounter");
            w.Reference(null, encounter);
            json.WriteEndArray();
            json.WriteStartObject("period");
            w.DateTime("start", periodStart);
            w.DateTime("end", at);
            json.WriteEndObject();
            json.WriteEndObject();
            w.End();
        });
    }
}
