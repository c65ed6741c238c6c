using System.Text.Json.Nodes;
using KMN.Orleans.FhirTests.Infrastructure;
using Xunit;

namespace KMN.Orleans.FhirTests.Upload;

/// <summary>Each kind of bad upload is a 4xx with an OperationOutcome naming the problem, and stores nothing.</summary>
[Collection(FhirNetworkCollection.Name)]
public sealed class BadInputTests(FhirNetworkFixture network)
{
    private static JsonObject Smallest() =>
        TestBundles.Load(TestBundles.SyntheaFiles().OrderBy(f => new FileInfo(f).Length).First());

    [Fact]
    public async Task A_transaction_with_one_bad_entry_stores_nothing_and_names_the_entry()
    {
        var bundle = TestBundles.ForFacility(Smallest(), network.Clinic, withConsent: true);
        var entries = bundle["entry"]!.AsArray();
        var bad = entries.Select((e, i) => (e, i)).Last(x => (string?)x.e!["resource"]!["resourceType"] == "Observation").i;
        entries[bad]!["resource"]!["effectiveDateTime"] = "2020-13-45T99:00:00";
        var rows = await network.CountRowsAsync();
        var consents = await network.CountRowsAsync("kmn_consent");
        var identities = await network.CountRowsAsync("kmn_patient_identity");

        var response = await network.Clinic.PostBundleAsync(bundle.ToJsonString());

        FhirAssert.Status(400, response, network);
        FhirAssert.Outcome(response, $"Bundle.entry[{bad}]");
        Assert.Equal(rows, await network.CountRowsAsync());
        Assert.Equal(consents, await network.CountRowsAsync("kmn_consent"));
        Assert.Equal(identities, await network.CountRowsAsync("kmn_patient_identity"));
    }

    [Fact]
    public async Task A_patient_without_consent_is_refused_with_consent_required()
    {
        var bundle = TestBundles.ForFacility(Smallest(), network.Pharmacy, withConsent: false);
        var rows = await network.CountRowsAsync();

        var response = await network.Pharmacy.PostBundleAsync(bundle.ToJsonString());

        FhirAssert.Status(422, response, network);
        FhirAssert.Outcome(response, "consent-required");
        Assert.Equal(rows, await network.CountRowsAsync());
    }

    [Fact]
    public async Task Malformed_json_is_400()
    {
        var response = await network.Hospital.PostBundleAsync("{ \"resourceType\": \"Bundle\", ");
        FhirAssert.Status(400, response, network);
        FhirAssert.Outcome(response, "JSON");
    }

    [Fact]
    public async Task Not_a_transaction_or_batch_is_400()
    {
        var response = await network.Hospital.PostBundleAsync("""{"resourceType":"Bundle","type":"collection","entry":[]}""");
        FhirAssert.Status(400, response, network);
        FhirAssert.Outcome(response, "Bundle.type");
    }

    [Fact]
    public async Task Unknown_resource_type_is_named_by_entry()
    {
        var response = await network.Hospital.PostBundleAsync(Transaction("""{"resourceType":"Spaceship","id":"x"}"""));
        FhirAssert.Status(400, response, network);
        FhirAssert.Outcome(response, "Bundle.entry[0]");
        FhirAssert.Outcome(response, "Spaceship");
    }

    [Fact]
    public async Task Stu3_content_is_refused()
    {
        // Patient.animal existed in STU3 and is gone in R4.
        var response = await network.Hospital.PostBundleAsync(Transaction(
            """{"resourceType":"Patient","id":"p1","animal":{"species":{"text":"dog"}}}"""));
        FhirAssert.Status(400, response, network);
        FhirAssert.Outcome(response, "Bundle.entry[0]");
        FhirAssert.Outcome(response, "animal");
    }

    [Fact]
    public async Task Duplicate_full_urls_are_refused()
    {
        const string org = """{"resourceType":"Organization","name":"x"}""";
        var response = await network.Hospital.PostBundleAsync($$$"""
            {"resourceType":"Bundle","type":"transaction","entry":[
              {"fullUrl":"urn:uuid:11111111-1111-1111-1111-111111111111","resource":{{{org}}},"request":{"method":"POST","url":"Organization"}},
              {"fullUrl":"urn:uuid:11111111-1111-1111-1111-111111111111","resource":{{{org}}},"request":{"method":"POST","url":"Organization"}}]}
            """);
        FhirAssert.Status(400, response, network);
        FhirAssert.Outcome(response, "Bundle.entry[1]");
    }

    [Fact]
    public async Task A_dangling_reference_is_refused()
    {
        var response = await network.Hospital.PostBundleAsync(Transaction(
            """{"resourceType":"Organization","name":"x","partOf":{"reference":"urn:uuid:99999999-9999-9999-9999-999999999999"}}"""));
        Assert.InRange(response.Status, 400, 499);
        FhirAssert.Outcome(response, "dangling-reference");
    }

    [Fact]
    public async Task A_bundle_over_the_size_limit_is_413()
    {
        var padding = new string('a', (int)FhirNetworkFixture.MaxBundleBytes + 10);
        var response = await network.Hospital.PostBundleAsync(Transaction($$"""{"resourceType":"Organization","name":"{{padding}}"}"""));
        FhirAssert.Status(413, response, network);
        FhirAssert.Outcome(response, "MB");
    }

    [Fact]
    public async Task Another_fhir_version_is_415()
    {
        var response = await network.Hospital.PostBundleAsync(Transaction("""{"resourceType":"Organization","name":"x"}"""),
            "application/fhir+json; fhirVersion=3.0");
        FhirAssert.Status(415, response, network);
        FhirAssert.Outcome(response, "R4");
    }

    private static string Transaction(string resource) => $$$"""
        {"resourceType":"Bundle","type":"transaction","entry":[
          {"fullUrl":"urn:uuid:{{{Guid.NewGuid()}}}","resource":{{{resource}}},"request":{"method":"POST","url":"{{{(string)JsonNode.Parse(resource)!["resourceType"]!}}}"}}]}
        """;
}
