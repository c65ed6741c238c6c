using System.Globalization;

namespace KMN.Orleans.Import;

/// <summary>
/// KMN.Orleans.Import demo --pki .kmn/pki --url https://127.0.0.1:5443/fhir [--seed 4300] [--patients 200]
/// [--until yyyy-mm-dd] [--only 0,1,2] [--parallel 4] [--retries 3] [--out folder] [--dry-run]
/// </summary>
public sealed record DemoOptions(string? PkiFolder, Uri? FhirBase, int Seed, int Patients, DateOnly Until,
    IReadOnlyList<int>? Only, int Parallel, int Retries, string? OutFolder, bool DryRun)
{
    public const string Usage = """
        usage: deploy/import.sh demo --pki .kmn/pki --url https://127.0.0.1:5443/fhir
                                     [--seed 4300] [--patients 200] [--until yyyy-mm-dd] [--only 0,1,2]
                                     [--parallel 4] [--retries 3] [--out folder] [--dry-run]
          Generates the clinical history of the demo network (same --seed and --patients as the silo's demo) and
          uploads each facility's part with that facility's certificate from <pki>/facilities/<code>.crt.pem.
          --until    last day of the history (default: today); the same seed and date give the same bundles
          --only     only these patient indexes (0 is the heaviest patient, 1 has duplicate prescriptions)
          --out      also write every bundle to this folder;  --dry-run  generate (and write) without uploading
        """;

    public static DemoOptions Parse(string[] args)
    {
        string? pki = null, url = null, outFolder = null;
        int seed = 4300, patients = 200, parallel = 4, retries = 3;
        var until = DateOnly.FromDateTime(DateTime.Now);
        List<int>? only = null;
        var dryRun = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--pki": pki = Next(); break;
                case "--url" or "--api": url = Next(); break;
                case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--patients": patients = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--until": until = DateOnly.ParseExact(Next(), "yyyy-MM-dd", CultureInfo.InvariantCulture); break;
                case "--only": only = [.. Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]; break;
                case "--parallel": parallel = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--retries": retries = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--out": outFolder = Next(); break;
                case "--dry-run": dryRun = true; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        if (!dryRun && (pki is null || url is null))
            throw new ArgumentException("--pki and --url are required (or --dry-run)");
        if (pki is not null && !Directory.Exists(Path.Combine(pki, "facilities")))
            throw new ArgumentException($"no facility certificates in {pki}/facilities (run deploy/up.sh once, or deploy/pki.sh)");
        if (only?.Any(i => i < 0 || i >= patients) == true)
            throw new ArgumentException($"--only takes patient indexes from 0 to {patients - 1}");
        return new DemoOptions(pki, url is null ? null : new Uri(url.TrimEnd('/') + "/"), seed, Math.Max(patients, 0), until,
            only, Math.Clamp(parallel, 1, 64), Math.Clamp(retries, 0, 10), outFolder, dryRun);
    }

    public IEnumerable<int> PatientIndexes => Only ?? Enumerable.Range(0, Patients);
}
