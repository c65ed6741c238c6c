using System.Diagnostics;
using System.Text.Json.Nodes;
using KMN.Orleans.FhirTests.Infrastructure;
using Npgsql;
using Xunit;

namespace KMN.Orleans.FhirTests.Upload;

/// <summary>
/// The "a database outage mid-transaction leaves nothing half-written and returns 503": an upload is
/// held inside its transaction (the patient's advisory lock is taken by the test), PostgreSQL is stopped, and
/// the upload must answer 503 with an OperationOutcome; after the restart none of it is stored, and sending
/// the same bundle again stores it exactly once.
/// </summary>
[Collection(FhirOutageCollection.Name)]
public sealed class DatabaseOutageTests(FhirNetworkFixture network)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task An_outage_in_the_middle_of_an_upload_is_503_and_stores_nothing()
    {
        var chart = "C-outage-" + Guid.NewGuid().ToString("N")[..8];
        FhirAssert.Status(200, await network.Hospital.PostBundleAsync(Enrollment(chart)), network);
        var patient = await NetworkPatientAsync(chart);
        var labs = Observations(chart, count: 25);
        var before = await CountsAsync();

        // Hold the patient's lock: the upload opens its transaction, writes nothing yet visible, and waits there.
        var holder = new NpgsqlConnection(network.ConnectionString);
        await holder.OpenAsync();
        var hold = await holder.BeginTransactionAsync();
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('kmn-patient:' || $1))", holder, hold))
        {
            lockCommand.Parameters.AddWithValue(patient);
            await lockCommand.ExecuteNonQueryAsync();
        }
        var upload = network.Hospital.PostBundleAsync(labs);
        await WaitForBlockedUploadAsync();
        try
        {
            await network.StopDatabaseAsync();
            var response = await upload;
            FhirAssert.Status(503, response, network);
            FhirAssert.Outcome(response, "transient");
        }
        finally
        {
            await network.StartDatabaseAsync();
            // The holder's server went away with its lock; its connection is broken, not to be rolled back.
            try { await holder.DisposeAsync(); } catch (NpgsqlException) { }
            NpgsqlConnection.ClearAllPools();
        }

        Assert.Equal(before, await CountsAsync());
        // The network recovers, and the same bundle sent again lands once.
        var again = await RetryUntilAsync(() => network.Hospital.PostBundleAsync(labs), r => r.Status == 200);
        FhirAssert.Status(200, again, network);
        Assert.Equal(before.Rows + 25, (await CountsAsync()).Rows);
    }

    [Fact]
    public async Task An_upload_while_the_database_is_down_is_503_with_an_operation_outcome()
    {
        var chart = "C-down-" + Guid.NewGuid().ToString("N")[..8];
        var before = await CountsAsync();
        (int Status, JsonNode? Body) response;
        await network.StopDatabaseAsync();
        try
        {
            response = await network.Hospital.PostBundleAsync(Enrollment(chart));
        }
        finally
        {
            await network.StartDatabaseAsync();
            NpgsqlConnection.ClearAllPools();
        }
        FhirAssert.Status(503, response, network);
        FhirAssert.Outcome(response, "transient");
        Assert.Equal(before, await CountsAsync());
        var again = await RetryUntilAsync(() => network.Hospital.PostBundleAsync(Enrollment(chart)), r => r.Status == 200);
        FhirAssert.Status(200, again, network);
    }

    private sealed record Counts(long Rows, long Identities, long Consents);

    private async Task<Counts> CountsAsync() => new(await network.CountRowsAsync(), await network.CountRowsAsync("kmn_patient_identity"),
        await network.CountRowsAsync("kmn_consent"));

    private async Task<string> NetworkPatientAsync(string chart)
    {
        await using var connection = new NpgsqlConnection(network.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT network_patient_id FROM kmn_patient_identity WHERE facility_code = $1 AND chart_number = $2", connection);
        command.Parameters.AddWithValue(network.Hospital.FacilityCode);
        command.Parameters.AddWithValue(chart);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Until PostgreSQL shows a session waiting for an advisory lock: the upload is inside its transaction.</summary>
    private async Task WaitForBlockedUploadAsync()
    {
        await using var connection = new NpgsqlConnection(network.ConnectionString);
        await connection.OpenAsync();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", connection);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
                return;
            await Task.Delay(50);
        }
        Assert.Fail($"the upload never reached the patient lock{Environment.NewLine}{network.Diagnostics}");
    }

    private static async Task<(int Status, JsonNode? Body)> RetryUntilAsync(Func<Task<(int Status, JsonNode? Body)>> send,
        Func<(int Status, JsonNode? Body), bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            (int Status, JsonNode? Body) response;
            try
            {
                response = await send();
            }
            catch (HttpRequestException) when (clock.Elapsed < Patience)
            {
                await Task.Delay(500);
                continue;
            }
            if (done(response) || clock.Elapsed > Patience)
                return response;
            await Task.Delay(500);
        }
    }

    private string Enrollment(string chart)
    {
        var patient = "urn:uuid:" + Guid.NewGuid();
        return Bundle(
            Entry(patient, new JsonObject
            {
                ["resourceType"] = "Patient",
                ["identifier"] = new JsonArray(new JsonObject { ["system"] = network.Hospital.ChartSystem, ["value"] = chart }),
                ["name"] = new JsonArray(new JsonObject { ["family"] = "停電", ["given"] = new JsonArray("次郎") }),
                ["birthDate"] = "1955-05-05",
            }),
            TestBundles.ConsentEntry(patient));
    }

    private string Observations(string chart, int count)
    {
        var patient = $"Patient?identifier={Uri.EscapeDataString(network.Hospital.ChartSystem)}|{Uri.EscapeDataString(chart)}";
        return Bundle([.. Enumerable.Range(0, count).Select(i => Entry("urn:uuid:" + Guid.NewGuid(), new JsonObject
        {
            ["resourceType"] = "Observation",
            ["status"] = "final",
            ["code"] = new JsonObject
            {
                ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://loinc.org", ["code"] = "4548-4", ["display"] = "HbA1c" }),
            },
            ["subject"] = new JsonObject { ["reference"] = patient },
            ["effectiveDateTime"] = $"2026-10-{1 + i % 28:00}T09:00:00+09:00",
            ["valueQuantity"] = new JsonObject { ["value"] = 6.1, ["unit"] = "%", ["system"] = "http://unitsofmeasure.org", ["code"] = "%" },
        }))]);
    }

    private static JsonObject Entry(string fullUrl, JsonObject resource) => new()
    {
        ["fullUrl"] = fullUrl,
        ["resource"] = resource,
        ["request"] = new JsonObject { ["method"] = "POST", ["url"] = (string)resource["resourceType"]! },
    };

    private static string Bundle(params JsonObject[] entries) =>
        new JsonObject { ["resourceType"] = "Bundle", ["type"] = "transaction", ["entry"] = new JsonArray(entries) }.ToJsonString();
}
