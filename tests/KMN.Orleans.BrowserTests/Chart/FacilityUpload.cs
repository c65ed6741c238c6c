using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using KMN.Orleans.BrowserTests.Infrastructure;

namespace KMN.Orleans.BrowserTests.Chart;

/// <summary>A facility's EMR posting a transaction Bundle to the FHIR API with its own certificate (mutual TLS).</summary>
public static class FacilityUpload
{
    public const string ChartNumberSystemPrefix = "urn:oid:1.2.392.100495.20.3.51.1";

    /// <summary>Posts a new active diagnosis, dated today, for the patient with <paramref name="chartNumber"/> at the facility.</summary>
    public static async Task<int> PostDiagnosisAsync(string fhirBaseUrl, DemoCard facility, string chartNumber, string diagnosis)
    {
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(facility.Pkcs12Path, facility.Pkcs12Password);
        using var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = [certificate],
                LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate,
                // Loopback test network: the server certificate comes from the demo CA this process does not trust.
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
            },
        };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(fhirBaseUrl + "/fhir/") };
        using var content = new StringContent(Bundle(facility.Account, chartNumber, diagnosis).ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/fhir+json");
        using var response = await http.PostAsync("", content);
        return (int)response.StatusCode;
    }

    private static JsonObject Bundle(string facilityCode, string chartNumber, string diagnosis)
    {
        var id = "live-" + Guid.NewGuid().ToString("N")[..12];
        var today = DateTime.UtcNow.AddHours(9).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var patient = new JsonObject
        {
            ["resourceType"] = "Patient",
            ["id"] = id + "-pt",
            ["identifier"] = new JsonArray(new JsonObject { ["system"] = ChartNumberSystemPrefix + facilityCode, ["value"] = chartNumber }),
        };
        var condition = new JsonObject
        {
            ["resourceType"] = "Condition",
            ["id"] = id + "-dx",
            ["clinicalStatus"] = Concept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
            ["verificationStatus"] = Concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"),
            ["code"] = new JsonObject { ["text"] = diagnosis },
            ["subject"] = new JsonObject { ["reference"] = $"Patient/{id}-pt" },
            ["onsetDateTime"] = today,
            ["recordedDate"] = today,
        };
        return new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "transaction",
            ["entry"] = new JsonArray(Entry(patient), Entry(condition)),
        };
    }

    private static JsonObject Entry(JsonObject resource) => new()
    {
        ["resource"] = resource,
        ["request"] = new JsonObject { ["method"] = "PUT", ["url"] = $"{resource["resourceType"]}/{resource["id"]}" },
    };

    private static JsonObject Concept(string system, string code) =>
        new() { ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code }) };
}
