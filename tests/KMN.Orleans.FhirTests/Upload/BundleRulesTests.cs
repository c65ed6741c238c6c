using System.Text.Json.Nodes;
using KMN.Orleans.FhirTests.Infrastructure;
using Xunit;

namespace KMN.Orleans.FhirTests.Upload;

/// <summary>The rules between entries: one patient, its chart number, batch per entry, conditional forms.</summary>
[Collection(FhirNetworkCollection.Name)]
public sealed class BundleRulesTests(FhirNetworkFixture network)
{
    private static JsonObject Patient(string? chartSystem, string chart) => new()
    {
        ["resourceType"] = "Patient",
        ["identifier"] = chartSystem is null ? new JsonArray() : new JsonArray(new JsonObject { ["system"] = chartSystem, ["value"] = chart }),
        ["name"] = new JsonArray(new JsonObject { ["family"] = "規則", ["given"] = new JsonArray("花子") }),
        ["birthDate"] = "1960-02-29",
    };

    private static JsonObject Entry(JsonObject resource, string? fullUrl = null, string? ifNoneExist = null)
    {
        var request = new JsonObject { ["method"] = "POST", ["url"] = (string)resource["resourceType"]! };
        if (ifNoneExist is not null)
            request["ifNoneExist"] = ifNoneExist;
        return new JsonObject { ["fullUrl"] = fullUrl ?? "urn:uuid:" + Guid.NewGuid(), ["resource"] = resource, ["request"] = request };
    }

    private static string Bundle(string type, params JsonObject[] entries) =>
        new JsonObject { ["resourceType"] = "Bundle", ["type"] = type, ["entry"] = new JsonArray(entries) }.ToJsonString();

    [Fact]
    public async Task A_patient_without_the_facilitys_chart_number_is_refused()
    {
        var patient = Entry(Patient(null, ""));
        var response = await network.Clinic.PostBundleAsync(Bundle("transaction", patient,
            TestBundles.ConsentEntry((string)patient["fullUrl"]!)));
        FhirAssert.Status(400, response, network);
        FhirAssert.Outcome(response, "chart-number-required");
        FhirAssert.Outcome(response, "Bundle.entry[0]");
    }

    [Fact]
    public async Task Two_patients_in_one_bundle_are_refused()
    {
        var chart = network.Clinic.ChartSystem;
        var response = await network.Clinic.PostBundleAsync(Bundle("transaction",
            Entry(Patient(chart, "R-1")), Entry(Patient(chart, "R-2"))));
        FhirAssert.Status(422, response, network);
        FhirAssert.Outcome(response, "multiple-patients");
        FhirAssert.Outcome(response, "Bundle.entry[1]");
    }

    [Fact]
    public async Task A_huge_string_is_refused()
    {
        var org = new JsonObject { ["resourceType"] = "Organization", ["name"] = new string('あ', 2 * 1024 * 1024) };
        var response = await network.Clinic.PostBundleAsync(Bundle("transaction", Entry(org)));
        FhirAssert.Status(400, response, network);
        FhirAssert.Outcome(response, "too-long");
    }

    [Fact]
    public async Task A_batch_answers_each_entry_and_stores_the_valid_ones()
    {
        var good = new JsonObject { ["resourceType"] = "Organization", ["name"] = "バッチ病院 " + Guid.NewGuid() };
        var bad = new JsonObject { ["resourceType"] = "Organization", ["name"] = "不正", ["active"] = "yes-please" };

        var response = await network.Clinic.PostBundleAsync(Bundle("batch", Entry(good), Entry(bad)));

        FhirAssert.Status(200, response, network);
        Assert.Equal("batch-response", (string?)response.Body!["type"]);
        var entries = response.Body["entry"]!.AsArray();
        Assert.Equal("201 Created", (string?)entries[0]!["response"]!["status"]);
        Assert.Equal("400 Bad Request", (string?)entries[1]!["response"]!["status"]);
        Assert.Equal("OperationOutcome", (string?)entries[1]!["response"]!["outcome"]!["resourceType"]);
        var (status, _) = await network.Clinic.GetAsync(((string)entries[0]!["response"]!["location"]!).Split("/_history")[0]);
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task If_none_exist_and_conditional_references_find_the_stored_organization()
    {
        var system = "urn:kmn:test:org";
        var value = Guid.NewGuid().ToString();
        JsonObject Org(string name) => new()
        {
            ["resourceType"] = "Organization",
            ["identifier"] = new JsonArray(new JsonObject { ["system"] = system, ["value"] = value }),
            ["name"] = name,
        };
        var first = await network.Clinic.PostBundleAsync(Bundle("transaction", Entry(Org("元の名前"), ifNoneExist: $"identifier={system}|{value}")));
        FhirAssert.Status(200, first, network);
        var stored = ((string)first.Body!["entry"]![0]!["response"]!["location"]!).Split("/_history")[0];
        var rows = await network.CountRowsAsync();

        var child = new JsonObject
        {
            ["resourceType"] = "Organization",
            ["name"] = "分院",
            ["partOf"] = new JsonObject { ["reference"] = $"Organization?identifier={system}|{value}" },
        };
        var second = await network.Clinic.PostBundleAsync(Bundle("transaction",
            Entry(Org("別の名前"), ifNoneExist: $"identifier={system}|{value}"), Entry(child)));

        FhirAssert.Status(200, second, network);
        Assert.Equal(stored, (string?)second.Body!["entry"]![0]!["response"]!["location"]);
        Assert.Equal(rows + 1, await network.CountRowsAsync()); // only the child
        var childLocation = ((string)second.Body["entry"]![1]!["response"]!["location"]!).Split("/_history")[0];
        var (_, read) = await network.Clinic.GetAsync(childLocation);
        Assert.Equal(stored, (string?)read!["partOf"]!["reference"]);
    }
}
