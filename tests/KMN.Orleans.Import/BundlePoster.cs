using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace KMN.Orleans.Import;

/// <summary>
/// POSTs FHIR JSON with retries: connection errors and 408/409/429/5xx are transient and retried with backoff;
/// any other 4xx is the request's own fault and is returned at once with the OperationOutcome's first issue.
/// </summary>
public sealed class BundlePoster(int retries)
{
    public sealed record Outcome(bool Ok, int? Status, string Message);

    public async Task<Outcome> PostAsync(HttpClient http, string relative, ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var content = new ReadOnlyMemoryContent(body);
                content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/fhir+json");
                using var response = await http.PostAsync(relative, content, ct);
                if (response.IsSuccessStatusCode)
                    return new Outcome(true, (int)response.StatusCode, "");
                var text = await response.Content.ReadAsStringAsync(ct);
                if (!IsTransient(response.StatusCode) || attempt >= retries)
                    return new Outcome(false, (int)response.StatusCode, FirstIssue(text));
            }
            catch (HttpRequestException) when (attempt < retries)
            {
                // connection refused or reset: the API may be restarting
            }
            catch (HttpRequestException e)
            {
                return new Outcome(false, null, e.Message);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500 * Math.Pow(2, attempt)), ct);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static string FirstIssue(string outcome)
    {
        try
        {
            var issue = JsonNode.Parse(outcome)?["issue"]?[0];
            return (string?)issue?["details"]?["text"] ?? (string?)issue?["diagnostics"] ?? outcome;
        }
        catch (System.Text.Json.JsonException)
        {
            return outcome.Length > 300 ? outcome[..300] : outcome;
        }
    }
}
