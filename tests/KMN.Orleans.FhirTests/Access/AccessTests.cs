using System.Text.Json.Nodes;
using KMN.Orleans.FhirTests.Infrastructure;
using Xunit;

namespace KMN.Orleans.FhirTests.Access;

/// <summary>Who may call the API (mutual TLS, facility status and kind) and who may read what (consent).</summary>
[Collection(FhirNetworkCollection.Name)]
public sealed class AccessTests(FhirNetworkFixture network)
{
    private static JsonObject Bundle(int rank) =>
        TestBundles.Load(TestBundles.SyntheaFiles().OrderBy(f => new FileInfo(f).Length).ElementAt(rank));

    [Fact]
    public async Task A_care_home_may_not_upload()
    {
        var bundle = TestBundles.ForFacility(Bundle(1), network.CareHome, withConsent: true);
        var response = await network.CareHome.PostBundleAsync(bundle.ToJsonString());
        FhirAssert.Status(403, response, network);
        FhirAssert.Outcome(response, "閲覧専用");
    }

    [Fact]
    public async Task An_untrusted_certificate_is_refused()
    {
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => network.Untrusted.GetAsync("metadata"));
    }

    [Fact]
    public async Task A_certificate_without_client_auth_is_refused()
    {
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => network.WrongUsage.GetAsync("metadata"));
    }

    [Fact]
    public async Task Metadata_describes_the_server()
    {
        var (status, body) = await network.Hospital.GetAsync("metadata");
        Assert.Equal(200, status);
        Assert.Equal("CapabilityStatement", (string?)body!["resourceType"]);
        Assert.Equal("4.0.1", (string?)body["fhirVersion"]);
        var resources = body["rest"]![0]!["resource"]!.AsArray();
        Assert.Contains(resources, r => (string?)r!["type"] == "ExplanationOfBenefit");
        Assert.Contains(resources, r => (string?)r!["type"] == "Patient" && r["operation"]?[0]?["name"]?.GetValue<string>() == "everything");
    }

    [Fact]
    public async Task Reads_follow_the_consent_and_are_audited()
    {
        // The clinic uploads with a consent that permits the pharmacy only.
        var bundle = TestBundles.ForFacility(Bundle(2), network.Clinic, withConsent: true, network.Pharmacy.FacilityCode);
        var upload = await network.Clinic.PostBundleAsync(bundle.ToJsonString());
        FhirAssert.Status(200, upload, network);
        var patientId = PatientId(upload.Body!);
        var audits = await network.CountRowsAsync("kmn_audit_event WHERE action <> 'upload'");

        var asUploader = await Everything.ReadAllAsync(network.Clinic, patientId);
        var asPermitted = await Everything.ReadAllAsync(network.Pharmacy, patientId);
        var asHospital = await network.Hospital.GetAsync($"Patient/{patientId}/$everything");
        var asCareHome = await network.CareHome.GetAsync($"Patient/{patientId}/$everything");

        Assert.Equal(bundle["entry"]!.AsArray().Count, asUploader.Count);
        Assert.Equal(asUploader.Count, asPermitted.Count);
        FhirAssert.Status(403, asHospital, network);
        FhirAssert.Status(403, asCareHome, network);
        FhirAssert.Outcome(asHospital, "consent-not-permitted");
        Assert.True(await network.CountRowsAsync("kmn_audit_event WHERE action <> 'upload'") >= audits + 4);
    }

    [Fact]
    public async Task A_changed_resource_gets_a_new_version_with_history()
    {
        var bundle = TestBundles.ForFacility(Bundle(3), network.Clinic, withConsent: true);
        var first = await network.Clinic.PostBundleAsync(bundle.ToJsonString());
        FhirAssert.Status(200, first, network);
        var entries = bundle["entry"]!.AsArray();
        var index = entries.Select((e, i) => (e, i)).First(x => x.e!["resource"]!["valueQuantity"] is not null).i;
        entries[index]!["resource"]!["valueQuantity"]!["value"] = 12345.5;

        var second = await network.Clinic.PostBundleAsync(bundle.ToJsonString());

        FhirAssert.Status(200, second, network);
        var location = (string)second.Body!["entry"]![index]!["response"]!["location"]!;
        Assert.EndsWith("/_history/2", location);
        var resource = string.Join('/', location.Split('/').Take(2));
        var (status, current) = await network.Clinic.GetAsync(resource);
        Assert.Equal(200, status);
        Assert.Equal("2", (string?)current!["meta"]!["versionId"]);
        Assert.Equal(12345.5m, current["valueQuantity"]!["value"]!.GetValue<decimal>());
        var (_, history) = await network.Clinic.GetAsync(resource + "/_history");
        Assert.Equal(2, history!["entry"]!.AsArray().Count);
        Assert.Equal(["2", "1"], history["entry"]!.AsArray().Select(e => (string?)e!["resource"]!["meta"]!["versionId"]));

        // $everything: the newest version only, once, with the meta stored with it (small pages cross the offsets).
        var everything = await Everything.ReadAllAsync(network.Clinic, PatientId(second.Body), pageSize: 7);
        var changed = Assert.Single(everything, r => $"{r["resourceType"]}/{r["id"]}" == resource);
        Assert.Equal("2", (string?)changed["meta"]!["versionId"]);
        Assert.Equal(12345.5m, changed["valueQuantity"]!["value"]!.GetValue<decimal>());
        Assert.Equal(everything.Count, everything.Select(r => $"{r["resourceType"]}/{r["id"]}").Distinct().Count());
        Assert.All(everything, r => Assert.NotNull(r["meta"]?["lastUpdated"]));

        // The lab series: every Observation of that code for the patient, across the upload's versions, newest only.
        var code = current["code"]!["coding"]![0]!;
        var (searchStatus, series) = await network.Clinic.GetAsync(
            $"Observation?patient={PatientId(second.Body)}&code={Uri.EscapeDataString($"{code["system"]}|{code["code"]}")}");
        Assert.Equal(200, searchStatus);
        Assert.Contains(series!["entry"]!.AsArray(), e => (string?)e!["resource"]!["id"] == resource.Split('/')[1]);
        Assert.All(series["entry"]!.AsArray(), e => Assert.Equal((string?)code["code"], (string?)e!["resource"]!["code"]!["coding"]![0]!["code"]));
    }

    private static string PatientId(JsonNode transactionResponse) =>
        transactionResponse["entry"]!.AsArray()
            .Select(e => (string)e!["response"]!["location"]!)
            .First(l => l.StartsWith("Patient/", StringComparison.Ordinal)).Split('/')[1];
}
