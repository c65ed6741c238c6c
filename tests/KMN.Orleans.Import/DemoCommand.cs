using System.Diagnostics;
using System.Globalization;
using KMN.Orleans.Grains.Demo;
using KMN.Orleans.Grains.Demo.Clinical;

namespace KMN.Orleans.Import;

/// <summary>demo: generate the demo network's clinical history and upload it as its facilities would (DemoOptions.Usage).</summary>
public static class DemoCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        DemoOptions options;
        try
        {
            options = DemoOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine($"error: {e.Message}{Environment.NewLine}{DemoOptions.Usage}");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var generator = new ClinicalHistoryGenerator(options.Seed, options.Until);
        var indexes = options.PatientIndexes.ToList();
        var histories = new PatientHistory[indexes.Count];
        Parallel.For(0, indexes.Count, i => histories[i] = generator.Patient(indexes[i]));
        var bundles = histories.Sum(h => h.Steps.Sum(s => s.Bundles.Count));
        Console.WriteLine($"generated the demo history (seed {options.Seed}, until {options.Until:yyyy-MM-dd}): " +
                          $"{histories.Count(h => h.Steps.Count > 0)} of {indexes.Count} patients with consent and records, " +
                          $"{bundles} bundles, {histories.Sum(h => h.Resources):N0} resources in {clock.Elapsed.TotalSeconds:0.0} s");
        if (options.OutFolder is { } folder)
            DemoBundleFiles.Write(folder, histories);

        // The silo's demo revokes some patients' consent (DemoConsent); the API refuses their records by design
        // (no consent, no data), so they are not sent rather than reported as failures.
        var today = DateOnly.FromDateTime(DateTime.Now);
        var revoked = histories.Where(h => DemoConsent.For(options.Seed, h.Plan.Index, h.Profile, today)?.Revoke == true).ToList();
        if (revoked.Count > 0)
        {
            Console.WriteLine($"not sent: {revoked.Count} patients whose demo consent is revoked (全部撤回): " +
                              string.Join(", ", revoked.Select(h => h.Profile.NetworkPatientId)));
            histories = [.. histories.Except(revoked)];
            bundles = histories.Sum(h => h.Steps.Sum(s => s.Bundles.Count));
        }

        var summary = options.DryRun ? null : await UploadAsync(options, histories, bundles);
        if (histories.FirstOrDefault(h => h.Plan.Role == PatientRole.Heaviest) is { PatientResourceId: { } id } heaviest)
            Console.WriteLine($"heaviest patient: {heaviest.Profile.NetworkPatientId} {heaviest.Profile.FullName}, " +
                              $"{(options.Until.DayNumber - heaviest.Plan.Start.DayNumber) / 365.25:0.0} years, " +
                              $"{heaviest.Resources:N0} resources, {heaviest.Measurements:N0} lab and vital values; " +
                              $"FHIR Patient/{id} (enrolled at {heaviest.Plan.Enrolling!.Facility.Code})");
        return summary is null || summary.Failures.Count == 0 ? 0 : 1;
    }

    private static async Task<BundleImporter.Summary> UploadAsync(DemoOptions options, PatientHistory[] histories, int bundles)
    {
        Console.WriteLine($"uploading to {options.FhirBase} with each facility's certificate from {options.PkiFolder} " +
                          $"({options.Parallel} patients at a time)");
        using var clients = new FacilityClients(options.PkiFolder!, options.FhirBase!);
        var uploader = new DemoUploader(clients, options.Parallel, options.Retries);
        var summary = await uploader.UploadAsync(histories, new ProgressLine(bundles, DateTime.UtcNow));
        SummaryLine.Print(summary, f => f.File);
        return summary;
    }
}

/// <summary>--out: every bundle as &lt;patient&gt;-&lt;step&gt;-&lt;facility&gt;-&lt;n&gt;.json, in upload order per patient.</summary>
public static class DemoBundleFiles
{
    public static void Write(string folder, IEnumerable<PatientHistory> histories)
    {
        Directory.CreateDirectory(folder);
        foreach (var history in histories)
            for (var s = 0; s < history.Steps.Count; s++)
                for (var b = 0; b < history.Steps[s].Bundles.Count; b++)
                    File.WriteAllBytes(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture,
                        $"{history.Plan.Index:D6}-{s:D2}-{history.Steps[s].Facility.Code}-{b + 1:D2}.json")), history.Steps[s].Bundles[b].Json);
    }
}
