using System.Text.Json.Nodes;
using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Import;

/// <summary>
/// Makes sample bundles acceptable to the network: the Patient gets this facility's chart number (JP Core
/// patient-number system) and the bundle a Consent signed by the patient for all participating facilities.
/// Bundles that already carry both are left alone.
/// </summary>
public static class BundleEnrollment
{
    public static void Enroll(JsonObject bundle, string facilityCode)
    {
        var chartSystem = ChartNumberSystem.For(facilityCode);
        var entries = bundle["entry"] as JsonArray ?? [];
        var patientEntry = entries.FirstOrDefault(e => (string?)e?["resource"]?["resourceType"] == "Patient");
        if (patientEntry?["resource"] is not JsonObject patient)
            return;
        var identifiers = patient["identifier"] as JsonArray ?? [];
        if (!identifiers.Any(i => (string?)i?["system"] == chartSystem))
            identifiers.Add(new JsonObject { ["system"] = chartSystem, ["value"] = "C-" + ((string?)patient["id"] ?? Guid.NewGuid().ToString()) });
        patient["identifier"] = identifiers;
        if (entries.Any(e => (string?)e?["resource"]?["resourceType"] == "Consent"))
            return;
        var reference = (string?)patientEntry["fullUrl"] ?? $"Patient/{patient["id"]}";
        entries.Add(new JsonObject
        {
            // A stable fullUrl, so importing the same folder twice stores no second consent.
            ["fullUrl"] = "urn:uuid:" + StableUuid(reference),
            ["resource"] = new JsonObject
            {
                ["resourceType"] = "Consent",
                ["status"] = "active",
                ["scope"] = Concept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy"),
                ["category"] = new JsonArray(Concept("http://loinc.org", "59284-0")),
                ["patient"] = new JsonObject { ["reference"] = reference },
                ["dateTime"] = DateTime.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["performer"] = new JsonArray(new JsonObject { ["reference"] = reference }),
                ["policyRule"] = Concept("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN"),
                ["provision"] = new JsonObject { ["type"] = "permit" },
            },
            ["request"] = new JsonObject { ["method"] = "POST", ["url"] = "Consent" },
        });
    }

    private static Guid StableUuid(string seed) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("kmn-consent:" + seed)).AsSpan(0, 16));

    private static JsonObject Concept(string system, string code) =>
        new() { ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code }) };
}
