using System.Text.Json.Nodes;
using KMN.Orleans.FhirTests.Infrastructure;
using Npgsql;
using Xunit;

namespace KMN.Orleans.FhirTests.Access;

/// <summary>
/// Network patient identity: a second facility's chart number joins an existing network patient only by an
/// explicit, recorded link; unlinking reverses it, and the next upload with that chart number is a new patient.
/// </summary>
[Collection(FhirNetworkCollection.Name)]
public sealed class ChartLinkTests(FhirNetworkFixture network)
{
    [Fact]
    public async Task A_linked_chart_number_files_uploads_under_the_existing_patient_until_unlinked()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var enrolled = await network.Clinic.PostBundleAsync(Bundle(network.Clinic, "L-" + suffix, withConsent: true));
        FhirAssert.Status(200, enrolled, network);
        var patient = await NetworkPatientAsync(network.Clinic.FacilityCode, "L-" + suffix);

        // Without a link the pharmacy's chart number would be a new patient, and that one has no consent.
        var link = await network.Pharmacy.PostAsync($"Patient/{patient}/$link", Parameters("RX-" + suffix));
        FhirAssert.Status(200, link, network);
        FhirAssert.Outcome(link, "Linked");

        var linked = await network.Pharmacy.PostBundleAsync(Bundle(network.Pharmacy, "RX-" + suffix, withConsent: false));
        FhirAssert.Status(200, linked, network);
        Assert.Equal(patient, await NetworkPatientAsync(network.Pharmacy.FacilityCode, "RX-" + suffix));

        var unlink = await network.Pharmacy.PostAsync($"Patient/{patient}/$unlink", Parameters("RX-" + suffix));
        FhirAssert.Status(200, unlink, network);
        var again = await network.Pharmacy.PostBundleAsync(Bundle(network.Pharmacy, "RX-" + suffix, withConsent: false));
        FhirAssert.Status(422, again, network);
        FhirAssert.Outcome(again, "consent-required");
        Assert.Equal(2, await network.CountRowsAsync(
            $"kmn_patient_identity_event WHERE network_patient_id = '{patient}' AND action IN ('link', 'unlink') AND performed_by = '薬剤師 山田'"));
    }

    [Fact]
    public async Task Linking_to_an_unknown_patient_is_404_and_without_a_reason_400()
    {
        var unknown = await network.Pharmacy.PostAsync("Patient/no-such-patient/$link", Parameters("RX-x"));
        FhirAssert.Status(404, unknown, network);
        var noReason = await network.Pharmacy.PostAsync("Patient/no-such-patient/$link",
            """{"resourceType":"Parameters","parameter":[{"name":"chartNumber","valueString":"RX-x"}]}""");
        FhirAssert.Status(400, noReason, network);
    }

    private static string Parameters(string chart) => new JsonObject
    {
        ["resourceType"] = "Parameters",
        ["parameter"] = new JsonArray(
            new JsonObject { ["name"] = "chartNumber", ["valueString"] = chart },
            new JsonObject { ["name"] = "performer", ["valueString"] = "薬剤師 山田" },
            new JsonObject { ["name"] = "reason", ["valueString"] = "お薬手帳で本人確認済み" }),
    }.ToJsonString();

    private static string Bundle(FacilityClient facility, string chart, bool withConsent)
    {
        var patientUrl = "urn:uuid:" + Guid.NewGuid();
        var entries = new JsonArray(
            Entry(patientUrl, new JsonObject
            {
                ["resourceType"] = "Patient",
                ["identifier"] = new JsonArray(new JsonObject { ["system"] = facility.ChartSystem, ["value"] = chart }),
                ["name"] = new JsonArray(new JsonObject { ["family"] = "連携", ["given"] = new JsonArray("一郎") }),
            }),
            Entry("urn:uuid:" + Guid.NewGuid(), new JsonObject
            {
                ["resourceType"] = "Observation",
                ["status"] = "final",
                ["code"] = new JsonObject { ["text"] = "体重" },
                ["subject"] = new JsonObject { ["reference"] = patientUrl },
                ["effectiveDateTime"] = "2026-10-01",
                ["valueQuantity"] = new JsonObject { ["value"] = 61.5, ["unit"] = "kg" },
            }));
        if (withConsent)
            entries.Add(TestBundles.ConsentEntry(patientUrl));
        return new JsonObject { ["resourceType"] = "Bundle", ["type"] = "transaction", ["entry"] = entries }.ToJsonString();
    }

    private static JsonObject Entry(string fullUrl, JsonObject resource) => new()
    {
        ["fullUrl"] = fullUrl,
        ["resource"] = resource,
        ["request"] = new JsonObject { ["method"] = "POST", ["url"] = (string)resource["resourceType"]! },
    };

    private async Task<string> NetworkPatientAsync(string facility, string chart)
    {
        await using var connection = new NpgsqlConnection(network.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT network_patient_id FROM kmn_patient_identity WHERE facility_code = $1 AND chart_number = $2 AND unlinked_at IS NULL", connection);
        command.Parameters.AddWithValue(facility);
        command.Parameters.AddWithValue(chart);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
