using System.Text.Json.Nodes;
using Xunit;

namespace KMN.Orleans.FhirTests.Infrastructure;

/// <summary>Reads a patient's $everything page by page, following the Bundle's next links.</summary>
public static class Everything
{
    public static async Task<List<JsonObject>> ReadAllAsync(FacilityClient client, string patientId, int pageSize = 1000)
    {
        var resources = new List<JsonObject>();
        string? next = $"Patient/{patientId}/$everything?_count={pageSize}";
        while (next is not null)
        {
            var (status, body) = await client.GetAsync(next);
            Assert.True(status == 200, $"$everything returned {status}: {body?.ToJsonString()}");
            foreach (var entry in body!["entry"]!.AsArray())
                resources.Add(entry!["resource"]!.AsObject());
            next = body["link"]!.AsArray().FirstOrDefault(l => (string?)l!["relation"] == "next")?["url"]?.GetValue<string>();
        }
        return resources;
    }
}
