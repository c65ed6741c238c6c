using System.Diagnostics;
using System.Text.Json.Nodes;
using KMN.Orleans.FhirTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace KMN.Orleans.FhirTests.Upload;

/// <summary>
/// The issue's "done when": every Synthea bundle, enrolled with a Consent and the hospital's chart number,
/// uploads with 200, and $everything returns every resource it sent — same types and counts, same ids (as
/// mapped by the transaction-response), same content apart from rewritten references and server meta.
/// </summary>
[Collection(FhirNetworkCollection.Name)]
public sealed class SyntheaRoundTripTests(FhirNetworkFixture network, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_bundle_uploads_and_reads_back_in_full_and_a_reupload_adds_nothing()
    {
        var files = TestBundles.SyntheaFiles();
        Assert.Equal(42, files.Count);
        var upload = TimeSpan.Zero;
        var resources = 0;
        string? firstText = null;
        foreach (var file in files)
        {
            var bundle = TestBundles.ForFacility(TestBundles.Load(file), network.Hospital, withConsent: true);
            var text = bundle.ToJsonString();
            firstText ??= text;
            var clock = Stopwatch.StartNew();
            var response = await network.Hospital.PostBundleAsync(text);
            upload += clock.Elapsed;
            FhirAssert.Status(200, response, network);
            var sent = bundle["entry"]!.AsArray().Select(e => e!.AsObject()).ToList();
            resources += sent.Count;
            await AssertEverythingMatchesAsync(Path.GetFileName(file), sent, response.Body!["entry"]!.AsArray());
        }
        output.WriteLine($"uploaded {files.Count} bundles, {resources} resources in {upload.TotalSeconds:0.0}s " +
                         $"({resources / upload.TotalSeconds:0} resources/s over HTTPS, one at a time)");

        var rows = await network.CountRowsAsync();
        var again = await network.Hospital.PostBundleAsync(firstText!);
        FhirAssert.Status(200, again, network);
        Assert.All(again.Body!["entry"]!.AsArray(), e => Assert.Equal("200 OK", (string?)e!["response"]!["status"]));
        Assert.Equal(rows, await network.CountRowsAsync());
    }

    private async Task AssertEverythingMatchesAsync(string file, List<JsonObject> sent, JsonArray responseEntries)
    {
        Assert.Equal(sent.Count, responseEntries.Count);
        // fullUrl (urn:uuid:…) → Type/id, from the transaction-response's locations (Type/id/_history/v).
        var map = new Dictionary<string, string>();
        for (var i = 0; i < sent.Count; i++)
        {
            var location = ((string)responseEntries[i]!["response"]!["location"]!).Split('/');
            map[(string)sent[i]["fullUrl"]!] = $"{location[0]}/{location[1]}";
        }
        var patientId = map[(string)sent.First(e => (string?)e["resource"]!["resourceType"] == "Patient")["fullUrl"]!].Split('/')[1];

        var everything = (await Everything.ReadAllAsync(network.Hospital, patientId))
            .ToDictionary(r => $"{r["resourceType"]}/{r["id"]}");
        var expectedCounts = sent.GroupBy(e => (string)e["resource"]!["resourceType"]!).ToDictionary(g => g.Key, g => g.Count());
        var actualCounts = everything.Keys.GroupBy(k => k.Split('/')[0]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expectedCounts.OrderBy(p => p.Key), actualCounts.OrderBy(p => p.Key));

        foreach (var entry in sent)
        {
            var id = map[(string)entry["fullUrl"]!];
            Assert.True(everything.TryGetValue(id, out var stored), $"{file}: {id} missing from $everything");
            var expected = Normalize(entry["resource"]!.DeepClone().AsObject(), map);
            var actual = Normalize(stored!.DeepClone().AsObject(), map);
            Assert.True(JsonNode.DeepEquals(expected, actual),
                $"{file}: {id} differs.{Environment.NewLine}sent:   {expected.ToJsonString()[..Math.Min(1500, expected.ToJsonString().Length)]}" +
                $"{Environment.NewLine}stored: {actual.ToJsonString()[..Math.Min(1500, actual.ToJsonString().Length)]}");
        }
    }

    /// <summary>
    /// Without id, meta.versionId and meta.lastUpdated (server-assigned), with urn:uuid references replaced by the
    /// network's Type/id. The sender's other meta (profiles, tags) must come back as sent.
    /// </summary>
    private static JsonObject Normalize(JsonObject resource, Dictionary<string, string> map)
    {
        resource.Remove("id");
        if (resource["meta"] is JsonObject meta)
        {
            meta.Remove("versionId");
            meta.Remove("lastUpdated");
            if (meta.Count == 0)
                resource.Remove("meta");
        }
        Rewrite(resource, map);
        return resource;
    }

    private static void Rewrite(JsonNode? node, Dictionary<string, string> map)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["reference"] is JsonValue v && v.TryGetValue<string>(out var reference) && map.TryGetValue(reference, out var target))
                    obj["reference"] = target;
                foreach (var (_, child) in obj.ToList())
                    Rewrite(child, map);
                break;
            case JsonArray array:
                foreach (var item in array)
                    Rewrite(item, map);
                break;
        }
    }
}
