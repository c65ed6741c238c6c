using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Benchmarks.Fhir;

/// <summary>
/// Appending one lab result to a patient with no history and to one with 10,000 entries, through the API.
/// The record is append-only, so the ratio should stay near 1 (target ≤ 1.5).
/// </summary>
public static class AppendCostBenchmark
{
    private const int History = 10_000;
    private const int PerBundle = 1_000;

    public static async Task RunAsync(FhirApiProcess api, int samples)
    {
        var chartSystem = ChartNumberSystem.For(api.HospitalCode);
        var (empty, full) = ($"bench-empty-{Guid.NewGuid():N}", $"bench-full-{Guid.NewGuid():N}");
        await PostAsync(api.Hospital, Enrollment(chartSystem, empty));
        await PostAsync(api.Hospital, Enrollment(chartSystem, full));
        for (var i = 0; i < History / PerBundle; i++)
            await PostAsync(api.Hospital, Observations(chartSystem, full, PerBundle));

        var onEmpty = new Measurement("append 1 lab result, patient with 0 entries");
        var onFull = new Measurement($"append 1 lab result, patient with {History:N0} entries");
        for (var i = 0; i < samples; i++)
        {
            // Alternate, so drift in the machine's load hits both equally.
            await onEmpty.TimeAsync(() => PostAsync(api.Hospital, Observations(chartSystem, empty, 1)));
            await onFull.TimeAsync(() => PostAsync(api.Hospital, Observations(chartSystem, full, 1)));
        }
        Console.WriteLine(onEmpty);
        Console.WriteLine(onFull);
        Console.WriteLine($"append cost ratio 10,000 vs 0 entries (p50): {onFull.Percentile(50) / onEmpty.Percentile(50):F2}  (target <= 1.5)");
    }

    private static JsonObject Enrollment(string chartSystem, string chart)
    {
        var patient = "urn:uuid:" + Guid.NewGuid();
        return Bundle(
            Entry(patient, new JsonObject
            {
                ["resourceType"] = "Patient",
                ["identifier"] = new JsonArray(new JsonObject { ["system"] = chartSystem, ["value"] = chart }),
                ["name"] = new JsonArray(new JsonObject { ["family"] = "ベンチ", ["given"] = new JsonArray("太郎") }),
                ["gender"] = "male",
                ["birthDate"] = "1950-04-01",
            }),
            Entry("urn:uuid:" + Guid.NewGuid(), new JsonObject
            {
                ["resourceType"] = "Consent",
                ["status"] = "active",
                ["scope"] = new JsonObject { ["text"] = "patient-privacy" },
                ["category"] = new JsonArray(new JsonObject { ["text"] = "地域医療連携の同意" }),
                ["patient"] = new JsonObject { ["reference"] = patient },
                ["dateTime"] = "2026-11-01",
                ["performer"] = new JsonArray(new JsonObject { ["reference"] = patient }),
                ["policyRule"] = new JsonObject { ["text"] = "opt-in" },
            }));
    }

    private static JsonObject Observations(string chartSystem, string chart, int count)
    {
        var patient = $"Patient?identifier={Uri.EscapeDataString(chartSystem)}|{Uri.EscapeDataString(chart)}";
        var entries = Enumerable.Range(0, count).Select(i => Entry("urn:uuid:" + Guid.NewGuid(), new JsonObject
        {
            ["resourceType"] = "Observation",
            ["status"] = "final",
            ["category"] = new JsonArray(new JsonObject
            {
                ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://terminology.hl7.org/CodeSystem/observation-category", ["code"] = "laboratory" }),
            }),
            ["code"] = new JsonObject
            {
                ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://loinc.org", ["code"] = "4548-4", ["display"] = "HbA1c" }),
            },
            ["subject"] = new JsonObject { ["reference"] = patient },
            ["effectiveDateTime"] = DateTimeOffset.UtcNow.AddMinutes(-i).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["valueQuantity"] = new JsonObject { ["value"] = 5.0 + i % 30 / 10.0, ["unit"] = "%", ["system"] = "http://unitsofmeasure.org", ["code"] = "%" },
        })).ToArray();
        return Bundle(entries);
    }

    private static JsonObject Entry(string fullUrl, JsonObject resource) => new()
    {
        ["fullUrl"] = fullUrl,
        ["resource"] = resource,
        ["request"] = new JsonObject { ["method"] = "POST", ["url"] = (string)resource["resourceType"]! },
    };

    private static JsonObject Bundle(params JsonObject[] entries) => new()
    {
        ["resourceType"] = "Bundle",
        ["type"] = "transaction",
        ["entry"] = new JsonArray(entries),
    };

    private static async Task<int> PostAsync(HttpClient http, JsonObject bundle)
    {
        using var content = new StringContent(bundle.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/fhir+json");
        using var response = await http.PostAsync("", content);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"upload failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (int)response.StatusCode;
    }
}
