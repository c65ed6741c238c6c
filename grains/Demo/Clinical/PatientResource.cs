using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>A facility's Patient: its chart number (JP Core patient-number system) and the name in kanji and kana.</summary>
public static class PatientResource
{
    public static void Write(FhirWriter w, string id, FacilityProfile facility, ChartNumber chart, PatientProfile patient)
    {
        var json = w.Json;
        w.Start("Patient", id);
        json.WriteStartArray("identifier");
        json.WriteStartObject();
        json.WriteString("system", NetworkIds.ChartSystem(facility.Code));
        json.WriteString("value", chart.Number);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteBoolean("active", true);
        json.WriteStartArray("name");
        Name(w, "IDE", patient.FamilyName, patient.GivenName);
        Name(w, "SYL", patient.FamilyNameKana, patient.GivenNameKana);
        json.WriteEndArray();
        json.WriteString("gender", Gender(patient.Sex));
        w.Date("birthDate", patient.BirthDate);
        w.Facility("managingOrganization", facility);
        w.End();
    }

    /// <summary>A HumanName with JP Core's representation extension: IDE = kanji, SYL = kana.</summary>
    public static void Name(FhirWriter w, string representation, string family, string given)
    {
        var json = w.Json;
        json.WriteStartObject();
        json.WriteStartArray("extension");
        json.WriteStartObject();
        json.WriteString("url", CodeSystems.NameRepresentation);
        json.WriteString("valueCode", representation);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("use", "official");
        json.WriteString("text", $"{family} {given}");
        json.WriteString("family", family);
        json.WriteStartArray("given");
        json.WriteStringValue(given);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string Gender(Sex sex) => sex switch
    {
        Sex.Male => "male",
        Sex.Female => "female",
        Sex.Other => "other",
        _ => "unknown",
    };
}
