using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>A patient's consent to sharing (同意): when, who signed, and which facilities may read (none listed = all).</summary>
public sealed record ConsentPlan(DateOnly Date, Proxy? Proxy, IReadOnlyList<string> PermittedFacilities)
{
    public bool AllFacilities => PermittedFacilities.Count == 0;
}

/// <summary>A proxy signer (代理人): name and relationship (v3-RoleCode, with the Japanese word).</summary>
public sealed record Proxy(string Family, string Given, string FamilyKana, string GivenKana, Sex Sex,
    string RelationshipCode, string Relationship);

/// <summary>
/// The Consent the enrolling facility registers (read by web/Fhir/ConsentReader: performer Patient = 本人,
/// RelatedPerson = 代理人; provision.actor facility codes, or no actor = all participating facilities).
/// </summary>
public static class ConsentResources
{
    public static void Add(FacilityRecord record, int patient, ConsentPlan plan)
    {
        var at = new DateTimeOffset(plan.Date.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(9));
        ResourceKey? proxy = plan.Proxy is { } p
            ? record.Add("RelatedPerson", $"p{patient}-proxy", at, w => WriteProxy(w, $"p{patient}-proxy", record.PatientKey, p),
                placement: EntryPlacement.FirstBundle)
            : null;
        record.Add("Consent", $"p{patient}-consent", at, w => WriteConsent(w, $"p{patient}-consent", record, plan, proxy),
            placement: EntryPlacement.FirstBundle);
    }

    private static void WriteProxy(FhirWriter w, string id, ResourceKey patient, Proxy proxy)
    {
        var json = w.Json;
        w.Start("RelatedPerson", id);
        json.WriteBoolean("active", true);
        w.Reference("patient", patient);
        w.ConceptList("relationship", CodeSystems.RoleCode, proxy.RelationshipCode, null, proxy.Relationship);
        json.WriteStartArray("name");
        PatientResource.Name(w, "IDE", proxy.Family, proxy.Given);
        PatientResource.Name(w, "SYL", proxy.FamilyKana, proxy.GivenKana);
        json.WriteEndArray();
        json.WriteString("gender", PatientResource.Gender(proxy.Sex));
        w.End();
    }

    private static void WriteConsent(FhirWriter w, string id, FacilityRecord record, ConsentPlan plan, ResourceKey? proxy)
    {
        var json = w.Json;
        w.Start("Consent", id);
        json.WriteString("status", "active");
        w.Concept("scope", CodeSystems.ConsentScope, "patient-privacy", "Privacy Consent", "地域医療連携ネットワークへの参加同意");
        w.ConceptList("category", CodeSystems.Loinc, "59284-0", "Consent Document", "同意書");
        w.Reference("patient", record.PatientKey);
        w.DateTime("dateTime", new DateTimeOffset(plan.Date.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(9)));
        json.WriteStartArray("performer");
        w.Reference(null, proxy ?? record.PatientKey,
            plan.Proxy is { } signer ? $"{signer.Family} {signer.Given}（代理人・{signer.Relationship}）" : "本人");
        json.WriteEndArray();
        json.WriteStartArray("organization");
        w.Facility(null, record.Facility);
        json.WriteEndArray();
        w.Concept("policyRule", CodeSystems.ActCode, "OPTIN", "opt-in");
        json.WriteStartObject("provision");
        json.WriteString("type", "permit");
        json.WriteStartObject("period");
        w.Date("start", plan.Date);
        json.WriteEndObject();
        if (!plan.AllFacilities)
        {
            json.WriteStartArray("actor");
            foreach (var code in plan.PermittedFacilities)
                WriteActor(w, code);
            json.WriteEndArray();
        }
        json.WriteEndObject();
        w.End();
    }

    private static void WriteActor(FhirWriter w, string facilityCode)
    {
        var json = w.Json;
        json.WriteStartObject();
        w.Concept("role", CodeSystems.ParticipationType, "IRCP", "information recipient", "閲覧");
        json.WriteStartObject("reference");
        json.WriteStartObject("identifier");
        json.WriteString("system", CodeSystems.FacilityNumber);
        json.WriteString("value", facilityCode);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
