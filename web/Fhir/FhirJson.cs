using System.Text.Json;

namespace KMN.Orleans.Web.Fhir;

/// <summary>Writes FHIR JSON responses directly (stored resources are already JSON; no POCO round trip).</summary>
public static class FhirJson
{
    public const string ContentType = "application/fhir+json; charset=utf-8";
    public const string DetailSystem = "urn:kmn:operation-outcome";

    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Keeps Japanese text as characters in stored JSON instead of \u escapes.</summary>
    public static readonly JsonSerializerOptions NodeOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteOperationOutcome(Utf8JsonWriter w, IEnumerable<FhirIssue> issues)
    {
        w.WriteStartObject();
        w.WriteString("resourceType", "OperationOutcome");
        w.WriteStartArray("issue");
        foreach (var issue in issues)
        {
            w.WriteStartObject();
            w.WriteString("severity", issue.Severity);
            w.WriteString("code", issue.Code);
            w.WriteStartObject("details");
            if (issue.Detail is not null)
            {
                w.WriteStartArray("coding");
                w.WriteStartObject();
                w.WriteString("system", DetailSystem);
                w.WriteString("code", issue.Detail);
                w.WriteEndObject();
                w.WriteEndArray();
            }
            w.WriteString("text", issue.Message);
            w.WriteEndObject();
            if (issue.Expression is not null)
            {
                w.WriteStartArray("expression");
                w.WriteStringValue(issue.Expression);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
