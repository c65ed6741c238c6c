using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace KMN.Orleans.Import;

/// <summary>
/// Uploads every *.json bundle of a folder, <c>parallel</c> at a time. Transient failures (connection errors,
/// 408/409/429/5xx) are retried with backoff; a 4xx is the bundle's own fault and is reported, not retried.
/// </summary>
public sealed class BundleImporter(HttpClient http, int parallel, int retries, Func<JsonObject, JsonObject>? prepare = null)
{
    public sealed record Failure(string File, int? Status, string Message);

    public sealed record Summary(int Bundles, int Uploaded, long Resources, IReadOnlyList<Failure> Failures, TimeSpan Elapsed)
    {
        public double ResourcesPerSecond => Resources / Math.Max(Elapsed.TotalSeconds, 1e-9);
    }

    public async Task<Summary> ImportAsync(IReadOnlyList<string> files, IProgress<(int Done, long Resources)>? progress = null,
        CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var failures = new System.Collections.Concurrent.ConcurrentBag<Failure>();
        long resources = 0;
        var done = 0;
        var uploaded = 0;
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct }, async (file, token) =>
        {
            var (count, failure) = await UploadOneAsync(file, token);
            if (failure is null)
            {
                Interlocked.Add(ref resources, count);
                Interlocked.Increment(ref uploaded);
            }
            else
            {
                failures.Add(failure);
            }
            progress?.Report((Interlocked.Increment(ref done), Interlocked.Read(ref resources)));
        });
        return new Summary(files.Count, uploaded, resources, [.. failures.OrderBy(f => f.File, StringComparer.Ordinal)], clock.Elapsed);
    }

    private async Task<(int Resources, Failure? Failure)> UploadOneAsync(string file, CancellationToken ct)
    {
        string body;
        int count;
        try
        {
            var bundle = JsonNode.Parse(await File.ReadAllTextAsync(file, ct))!.AsObject();
            bundle = prepare?.Invoke(bundle) ?? bundle;
            count = (bundle["entry"] as JsonArray)?.Count ?? 0;
            body = bundle.ToJsonString();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return (0, new Failure(file, null, "not a JSON bundle: " + e.Message));
        }

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var content = new StringContent(body, Encoding.UTF8);
                content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/fhir+json");
                using var response = await http.PostAsync("", content, ct);
                if (response.IsSuccessStatusCode)
                    return (count, null);
                var text = await response.Content.ReadAsStringAsync(ct);
                if (!IsTransient(response.StatusCode) || attempt >= retries)
                    return (0, new Failure(file, (int)response.StatusCode, FirstIssue(text)));
            }
            catch (HttpRequestException e) when (attempt < retries)
            {
                _ = e; // connection refused or reset: the API may be restarting
            }
            catch (HttpRequestException e)
            {
                return (0, new Failure(file, null, e.Message));
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
            return (string?)issue?["details"]?["text"] ?? outcome;
        }
        catch (System.Text.Json.JsonException)
        {
            return outcome.Length > 300 ? outcome[..300] : outcome;
        }
    }
}
