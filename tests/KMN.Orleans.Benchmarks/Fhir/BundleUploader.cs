using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace KMN.Orleans.Benchmarks.Fhir;

/// <summary>
/// The benchmark's own HTTP client: bundles are read and enrolled before the clock starts (as the COPY side's
/// JSON is), so the measured time is the server's — TLS, validation, rewriting, the transaction — not the
/// client's JSON handling. Transient failures (connection errors, 409, 5xx) are retried like the bulk loader does.
/// </summary>
public sealed class BundleUploader(HttpClient http, int parallel, int retries = 3)
{
    public sealed record Body(string Name, byte[] Utf8, int Resources);

    public sealed record Summary(int Bundles, long Resources, IReadOnlyList<string> Failures, TimeSpan Elapsed)
    {
        public double ResourcesPerSecond => Resources / Math.Max(Elapsed.TotalSeconds, 1e-9);
    }

    public async Task<Summary> UploadAsync(IReadOnlyList<Body> bodies)
    {
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        long resources = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (body, ct) =>
        {
            if (await PostAsync(body, ct) is { } failure)
                failures.Add($"{body.Name}: {failure}");
            else
                Interlocked.Add(ref resources, body.Resources);
        });
        return new Summary(bodies.Count, resources, [.. failures.Order(StringComparer.Ordinal)], clock.Elapsed);
    }

    private async Task<string?> PostAsync(Body body, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var content = new ByteArrayContent(body.Utf8);
                content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/fhir+json");
                using var response = await http.PostAsync("", content, ct);
                if (response.IsSuccessStatusCode)
                    return null;
                var text = await response.Content.ReadAsStringAsync(ct);
                if (!IsTransient(response.StatusCode) || attempt >= retries)
                    return $"{(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}";
            }
            catch (HttpRequestException e)
            {
                if (attempt >= retries)
                    return e.Message; // else the connection broke: try again
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200 * (attempt + 1)), ct);
        }
    }

    private static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.Conflict || (int)status >= 500;
}
