using System.Reflection;
using KMN.Orleans.TestSupport;

namespace KMN.Orleans.FhirTests.Infrastructure;

/// <summary>
/// Finds the built silo and web (beside this test assembly when built with --artifacts-path, else in the
/// projects' bin folders) and the Synthea sample data beside the clone. Missing pieces fail loudly.
/// </summary>
public static class RepoLayout
{
    public static string RepoRoot { get; } =
        typeof(RepoLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "KmnRepoRoot").Value!;

    public static string SiloDll => Find("KMN_SILO_DLL", "silo", "KMN.Orleans.Silo");
    public static string WebDll => Find("KMN_WEB_DLL", "web", "KMN.Orleans.Web");
    public static string ImportDll => Find("KMN_IMPORT_DLL", Path.Combine("tests", "KMN.Orleans.Import"), "KMN.Orleans.Import");

    /// <summary>The Synthea R4 bundles: $KMN_SYNTHEA_DIR, or ../shared/data/synthea-r4 beside the clone.</summary>
    public static string SyntheaFolder
    {
        get
        {
            var candidates = new[]
            {
                Environment.GetEnvironmentVariable("KMN_SYNTHEA_DIR"),
                Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "synthea-r4")),
            };
            return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && Directory.Exists(c)) ?? throw new InvalidOperationException(
                $"Synthea R4 sample bundles not found (looked in $KMN_SYNTHEA_DIR and {candidates[1]}). " +
                "They are expected beside the clone as shared/data/synthea-r4.");
        }
    }

    private static string Find(string variable, string folder, string assembly) =>
        BuiltExecutable.Find(RepoRoot, variable, folder, assembly);
}
