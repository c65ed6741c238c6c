using KMN.Orleans.TestSupport;

namespace KMN.Orleans.BrowserTests.Infrastructure;

/// <summary>
/// Loads the demo network's clinical history into the test network exactly as deploy/up.sh does: the import
/// tool generates each patient's bundles and posts them through the FHIR API with the producing facility's
/// certificate. Patient index 0 (430000000001) is the heaviest; index 1 has a duplicate prescription.
/// </summary>
public static class DemoHistoryLoader
{
    public static string ImportDll => BuiltExecutable.Find(RepoLayout.RepoRoot, "KMN_IMPORT_DLL",
        Path.Combine("tests", "KMN.Orleans.Import"), "KMN.Orleans.Import");

    /// <summary>Uploads the history of <paramref name="patients"/> demo patients; returns the tool's summary output.</summary>
    public static Task<string> LoadAsync(string pkiFolder, string fhirBaseUrl, int patients)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        // Same seed and "today" as the silo's demo, so the consents the silo registered match the uploads.
        return ProcessRunner.RunAsync(host,
            [ImportDll, "demo", "--pki", pkiFolder, "--url", fhirBaseUrl + "/fhir", "--patients", patients.ToString(), "--parallel", "2"],
            timeout: TimeSpan.FromMinutes(5));
    }
}
