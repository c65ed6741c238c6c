using System.Text.Json;

namespace KMN.Orleans.Web.Fhir;

/// <summary>IResults that write FHIR JSON: an OperationOutcome for every error, raw-JSON bundles for data.</summary>
public static class FhirResults
{
    public static IResult Outcome(int status, params FhirIssue[] issues) => new JsonWriterResult(status, w => FhirJson.WriteOperationOutcome(w, issues));

    public static IResult Outcome(int status, IReadOnlyList<FhirIssue> issues) => new JsonWriterResult(status, w => FhirJson.WriteOperationOutcome(w, issues));

    public static IResult Problem(int status, string code, string message, string? detail = null) =>
        Outcome(status, new FhirIssue(code, message, Detail: detail));

    public static IResult Json(int status, Action<Utf8JsonWriter> write, IReadOnlyDictionary<string, string>? headers = null) =>
        new JsonWriterResult(status, write, headers);

    private sealed class JsonWriterResult(int status, Action<Utf8JsonWriter> write, IReadOnlyDictionary<string, string>? headers = null)
        : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = FhirJson.ContentType;
            foreach (var (key, value) in headers ?? new Dictionary<string, string>())
                context.Response.Headers[key] = value;
            await using var writer = new Utf8JsonWriter(context.Response.BodyWriter, FhirJson.WriterOptions);
            write(writer);
            await writer.FlushAsync(context.RequestAborted);
        }
    }
}
