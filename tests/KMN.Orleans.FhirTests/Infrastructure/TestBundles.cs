using System.Text.Json.Nodes;

namespace KMN.Orleans.FhirTests.Infrastructure;

/// <summary>
/// Synthea bundles made ready for the network: the Patient gets the uploading facility's chart number
/// (JP Core patient-number system) and, when asked, a Consent entry signed by the patient is appended.
/// </summary>
public static class TestBundles
{
    public static IReadOnlyList<string> SyntheaFiles() =>
        [.. Directory.GetFiles(RepoLayout.SyntheaFolder, "*.json").Order(StringComparer.Ordinal)];

    public static JsonObject Load(string file) => JsonNode.Parse(File.ReadAllText(file))!.AsObject();

    public static JsonObject ForFacility(JsonObject bundle, FacilityClient facility, bool withConsent, params string[] permitted)
    {
        var entries = bundle["entry"]!.AsArray();
        var patientEntry = entries.First(e => (string?)e!["resource"]!["resourceType"] == "Patient")!;
        var patient = patientEntry["resource"]!.AsObject();
        var identifiers = patient["identifier"] as JsonArray ?? [];
        identifiers.Add(new JsonObject { ["system"] = facility.ChartSystem, ["value"] = "C-" + (string)patient["id"]! });
        patient["identifier"] = identifiers;
        if (withConsent)
            entries.Add(ConsentEntry((string)patientEntry["fullUrl"]!, permitted));
        return bundle;
    }

    public static JsonObject ConsentEntry(string patientReference, params string[] permittedFacilities)
    {
        var actors = new JsonArray();
        foreach (var code in permittedFacilities)
            actors.Add(new JsonObject
            {
                ["role"] = new JsonObject { ["text"] = "閲覧" },
                ["reference"] = new JsonObject
                {
                    ["identifier"] = new JsonObject { ["system"] = "http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no", ["value"] = code },
                },
            });
        var consent = new JsonObject
        {
            ["resourceType"] = "Consent",
            ["status"] = "active",
            ["scope"] = Concept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy"),
            ["category"] = new JsonArray(Concept("http://loinc.org", "59284-0")),
            ["patient"] = new JsonObject { ["reference"] = patientReference },
            ["dateTime"] = "2026-11-01",
            ["performer"] = new JsonArray(new JsonObject { ["reference"] = patientReference }),
            ["policyRule"] = Concept("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN"),
            ["provision"] = new JsonObject { ["type"] = "permit" },
        };
        if (actors.Count > 0)
            consent["provision"]!["actor"] = actors;
        var fullUrl = "urn:uuid:" + Guid.NewGuid();
        return new JsonObject
        {
            ["fullUrl"] = fullUrl,
            ["resource"] = consent,
            ["request"] = new JsonObject { ["method"] = "POST", ["url"] = "Consent" },
        };
    }

    private static JsonObject Concept(string system, string code) =>
        new() { ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code }) };
}
