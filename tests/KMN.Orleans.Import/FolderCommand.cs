using System.Security.Cryptography.X509Certificates;

namespace KMN.Orleans.Import;

/// <summary>Uploads a folder of FHIR R4 bundles with one facility's certificate (see ImportOptions.Usage).</summary>
public static class FolderCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        ImportOptions options;
        try
        {
            options = ImportOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}{Environment.NewLine}{ImportOptions.Usage}");
            return 2;
        }

        var facility = FacilityHttpClient.LoadFacility(options.CertificatePath, options.KeyPath);
        var facilityCode = facility.SubjectName.EnumerateRelativeDistinguishedNames()
            .FirstOrDefault(r => r.GetSingleElementType().Value == "2.5.4.5")?.GetSingleElementValue() ?? "";
        var trust = new X509Certificate2Collection();
        trust.ImportFromPemFile(options.RootPath);
        var extra = new X509Certificate2Collection();
        if (options.IntermediatePath is not null)
            extra.ImportFromPemFile(options.IntermediatePath);

        var files = Directory.GetFiles(options.Folder, "*.json").Order(StringComparer.Ordinal).ToList();
        Console.WriteLine($"importing {files.Count} bundles from {options.Folder} to {options.FhirBase} as facility {facilityCode} " +
                          $"({options.Parallel} at a time{(options.Enroll ? ", enrolling" : "")})");
        using var http = FacilityHttpClient.Create(options.FhirBase, facility, trust, extra);
        var importer = new BundleImporter(http, options.Parallel, options.Retries,
            options.Enroll ? bundle => { BundleEnrollment.Enroll(bundle, facilityCode); return bundle; } : null);
        var summary = await importer.ImportAsync(files, new ProgressLine(files.Count, DateTime.UtcNow));
        SummaryLine.Print(summary, f => Path.GetFileName(f.File));
        return summary.Failures.Count == 0 ? 0 : 1;
    }
}
