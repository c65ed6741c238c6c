using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using KMN.Orleans.Grains.Demo.Clinical;

namespace KMN.Orleans.Import;

/// <summary>
/// Uploads generated histories: patients in parallel, each patient's steps in order — the enrolling facility's
/// bundles (with the consent) first, then each other facility links its chart number ($link) and uploads, the
/// pharmacy last. A failure stops that patient's remaining bundles (they depend on it) and is reported.
/// </summary>
public sealed class DemoUploader(FacilityClients clients, int parallel, int retries)
{
    private readonly BundlePoster _poster = new(retries);

    public async Task<BundleImporter.Summary> UploadAsync(IReadOnlyList<PatientHistory> histories,
        IProgress<(int Done, long Resources)> progress, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var failures = new ConcurrentBag<BundleImporter.Failure>();
        long resources = 0;
        int done = 0, uploaded = 0;
        var total = histories.Sum(h => h.Steps.Sum(s => s.Bundles.Count));
        // Largest first, so the ten-year patient does not start last and hold up the end.
        var ordered = histories.Where(h => h.Steps.Count > 0).OrderByDescending(h => h.Resources).ToList();
        await Parallel.ForEachAsync(ordered, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct },
            async (history, token) =>
            {
                foreach (var (step, bundle, number) in Bundles(history))
                {
                    var what = $"patient {history.Plan.Index} {step.Facility.Code} bundle {number}/{step.Bundles.Count}";
                    var outcome = number == 1 && LinkTarget(history, step) is { } patient
                        ? await LinkAsync(step, patient, token)
                        : new BundlePoster.Outcome(true, null, "");
                    if (outcome.Ok)
                        outcome = await _poster.PostAsync(clients.For(step.Facility.Code), "", bundle.Json, token);
                    if (!outcome.Ok)
                    {
                        failures.Add(new BundleImporter.Failure(what, outcome.Status, outcome.Message));
                        break;
                    }
                    Interlocked.Increment(ref uploaded);
                    Interlocked.Add(ref resources, bundle.Resources.Count);
                    progress.Report((Interlocked.Increment(ref done), Interlocked.Read(ref resources)));
                }
            });
        return new BundleImporter.Summary(total, uploaded, resources, [.. failures.OrderBy(f => f.File, StringComparer.Ordinal)], clock.Elapsed);
    }

    /// <summary>
    /// Where this facility's chart number must be linked before its first bundle: the enrolled patient for a later
    /// facility; for the enrolling facility, the directory's patient when the directory does not know that chart
    /// number yet (otherwise the first upload would make a second network patient).
    /// </summary>
    private static string? LinkTarget(PatientHistory history, UploadStep step) =>
        step.LinkTo ?? (history.Profile.ChartNumbers.Any(c => c.FacilityCode == step.Facility.Code && c.Number == step.Chart.Number)
            ? null
            : history.Profile.NetworkPatientId);

    private static IEnumerable<(UploadStep Step, DemoBundle Bundle, int Number)> Bundles(PatientHistory history) =>
        history.Steps.SelectMany(step => step.Bundles.Select((bundle, i) => (step, bundle, i + 1)));

    /// <summary>POST Patient/{id}/$link: this facility's chart number joins the enrolled network patient (200 if already).</summary>
    private Task<BundlePoster.Outcome> LinkAsync(UploadStep step, string patient, CancellationToken ct)
    {
        var parameters = new JsonObject
        {
            ["resourceType"] = "Parameters",
            ["parameter"] = new JsonArray(
                Parameter("chartNumber", step.Chart.Number),
                Parameter("performer", $"{step.Facility.Name} 医事課"),
                Parameter("reason", "参加同意書と保険証で本人確認のうえ、自施設のカルテ番号を連携")),
        };
        return _poster.PostAsync(clients.For(step.Facility.Code), $"Patient/{patient}/$link",
            Encoding.UTF8.GetBytes(parameters.ToJsonString()), ct);
    }

    private static JsonObject Parameter(string name, string value) => new() { ["name"] = name, ["valueString"] = value };
}
