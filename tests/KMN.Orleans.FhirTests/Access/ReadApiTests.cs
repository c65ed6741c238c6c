using System.Text.Json.Nodes;
using KMN.Orleans.FhirTests.Infrastructure;
using Xunit;

namespace KMN.Orleans.FhirTests.Access;

/// <summary>The read API beyond read and history: vread of one version, Observation search by category, and the
/// CapabilityStatement saying so.</summary>
[Collection(FhirNetworkCollection.Name)]
public sealed class ReadApiTests(FhirNetworkFixture network)
{
    private static JsonObject Bundle(int rank) =>
        TestBundles.Load(TestBundles.SyntheaFiles().OrderBy(f => new FileInfo(f).Length).ElementAt(rank));

    [Fact]
    public async Task Vread_returns_each_stored_version_and_404_for_one_that_does_not_exist()
    {
        var bundle = TestBundles.ForFacility(Bundle(5), network.Clinic, withConsent: true, network.Pharmacy.FacilityCode);
        FhirAssert.Status(200, await network.Clinic.PostBundleAsync(bundle.ToJsonString()), network);
        var entries = bundle["entry"]!.AsArray();
        var patient = entries.First(e => (string?)e!["resource"]!["resourceType"] == "Patient")!["resource"]!;
        patient["name"]![0]!["family"] = "版読み";
        var second = await network.Clinic.PostBundleAsync(bundle.ToJsonString());
        FhirAssert.Status(200, second, network);
        var location = second.Body!["entry"]!.AsArray().Select(e => (string)e!["response"]!["location"]!).First(l => l.StartsWith("Patient/", StringComparison.Ordinal));
        Assert.EndsWith("/_history/2", location);
        var resource = string.Join('/', location.Split('/').Take(2));

        var (status1, v1) = await network.Clinic.GetAsync(resource + "/_history/1");
        var (status2, v2) = await network.Clinic.GetAsync(resource + "/_history/2");
        var missing = await network.Clinic.GetAsync(resource + "/_history/3");
        var notANumber = await network.Clinic.GetAsync(resource + "/_history/x");

        Assert.Equal(200, status1);
        Assert.Equal(200, status2);
        Assert.Equal("1", (string?)v1!["meta"]!["versionId"]);
        Assert.Equal("2", (string?)v2!["meta"]!["versionId"]);
        Assert.NotEqual("版読み", (string?)v1["name"]![0]!["family"]);
        Assert.Equal("版読み", (string?)v2["name"]![0]!["family"]);
        FhirAssert.Status(404, missing, network);
        FhirAssert.Outcome(missing, "not-found");
        FhirAssert.Status(404, notANumber, network);
        // A facility the consent does not name may not read any version either.
        FhirAssert.Status(403, await network.Hospital.GetAsync(resource + "/_history/1"), network);
    }

    [Fact]
    public async Task Observations_are_searched_by_category_alongside_code_and_date()
    {
        var bundle = TestBundles.ForFacility(Bundle(6), network.Clinic, withConsent: true);
        var upload = await network.Clinic.PostBundleAsync(bundle.ToJsonString());
        FhirAssert.Status(200, upload, network);
        var patientId = upload.Body!["entry"]!.AsArray().Select(e => (string)e!["response"]!["location"]!)
            .First(l => l.StartsWith("Patient/", StringComparison.Ordinal)).Split('/')[1];
        var sentLabs = bundle["entry"]!.AsArray().Select(e => e!["resource"]!)
            .Count(r => (string?)r["resourceType"] == "Observation" && CategoryOf(r) == "laboratory");
        Assert.True(sentLabs > 0, "the test bundle has laboratory Observations");

        var labs = await SearchAsync($"Observation?patient={patientId}&category=laboratory&_count=1000");
        var vitals = await SearchAsync($"Observation?patient={patientId}&category=" +
                                       Uri.EscapeDataString("http://terminology.hl7.org/CodeSystem/observation-category|vital-signs") + "&_count=1000");
        var all = await SearchAsync($"Observation?patient={patientId}&_count=1000");

        Assert.Equal(sentLabs, labs.Count);
        Assert.All(labs, r => Assert.Equal("laboratory", CategoryOf(r)));
        Assert.All(vitals, r => Assert.Equal("vital-signs", CategoryOf(r)));
        Assert.True(labs.Count + vitals.Count <= all.Count);
    }

    [Fact]
    public async Task Metadata_names_vread_and_the_category_search()
    {
        var (status, body) = await network.Hospital.GetAsync("metadata");
        Assert.Equal(200, status);
        var observation = body!["rest"]![0]!["resource"]!.AsArray().First(r => (string?)r!["type"] == "Observation")!;
        Assert.Contains(observation["interaction"]!.AsArray(), i => (string?)i!["code"] == "vread");
        Assert.Contains(observation["searchParam"]!.AsArray(), p => (string?)p!["name"] == "category");
    }

    private async Task<List<JsonNode>> SearchAsync(string query)
    {
        var (status, body) = await network.Clinic.GetAsync(query);
        Assert.True(status == 200, $"{query} returned {status}: {body?.ToJsonString()}");
        return [.. body!["entry"]!.AsArray().Select(e => e!["resource"]!)];
    }

    private static string? CategoryOf(JsonNode observation) => (string?)observation["category"]?[0]?["coding"]?[0]?["code"];
}
