using System.Text.Json.Nodes;
using Xunit;

namespace KMN.Orleans.FhirTests.Infrastructure;

/// <summary>Assertions on FHIR responses, with the response and process output in the message.</summary>
public static class FhirAssert
{
    public static void Status(int expected, (int Status, JsonNode? Body) response, FhirNetworkFixture network)
    {
        if (response.Status != expected)
            Assert.Fail($"expected HTTP {expected}, got {response.Status}: {Truncate(response.Body?.ToJsonString())}{Environment.NewLine}{network.Diagnostics}");
    }

    /// <summary>An OperationOutcome whose issues mention <paramref name="text"/> (in text, expression or detail code).</summary>
    public static void Outcome((int Status, JsonNode? Body) response, string text)
    {
        Assert.Equal("OperationOutcome", (string?)response.Body?["resourceType"]);
        var json = response.Body!.ToJsonString(FhirJsonOptions.Relaxed);
        Assert.True(json.Contains(text, StringComparison.Ordinal), $"OperationOutcome does not mention '{text}': {Truncate(json)}");
    }

    private static string Truncate(string? text) => text is null ? "(no body)" : text.Length > 3000 ? text[..3000] + "…" : text;
}

public static class FhirJsonOptions
{
    public static readonly System.Text.Json.JsonSerializerOptions Relaxed = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
