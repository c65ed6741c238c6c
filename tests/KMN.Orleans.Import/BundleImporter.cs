using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace KMN.Orleans.Import;

/// <summary>
/// Uploads every *.json bundle of a folder, <c>parallel</c> at a time, through <see cref="BundlePoster"/>
/// (transient failures retried, a 4xx reported).
/// </summary>
public sealed class BundleImporter(HttpClient http, int parallel, int retries, Func<JsonObject, JsonObject>? prepare = null)
{
    private readonly BundlePoster _poster = new(retries);

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

        var outcome = await _poster.PostAsync(http, "", Encoding.UTF8.GetBytes(body), ct);
        return outcome.Ok ? (count, null) : (0, new Failure(file, outcome.Status, outcome.Message));
    }
}
