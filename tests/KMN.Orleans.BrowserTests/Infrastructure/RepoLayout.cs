using System.Reflection;
using KMN.Orleans.TestSupport;

namespace KMN.Orleans.BrowserTests.Infrastructure;

/// <summary>
/// Finds the repository and the built silo and web executables. The tests run them exactly as production
/// does (<c>dotnet X.dll</c>), so they must already be built; a missing build is a failure, never a skip.
/// </summary>
public static class RepoLayout
{
    private const string SolutionFile = "KMN.Orleans.sln";

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SiloDll => BuiltExecutable.Find(RepoRoot, "KMN_SILO_DLL", "silo", "KMN.Orleans.Silo");
    public static string WebDll => BuiltExecutable.Find(RepoRoot, "KMN_WEB_DLL", "web", "KMN.Orleans.Web");

    /// <summary>Screenshots and child process logs go here, for a person to look at after a run.</summary>
    public static string ResultsDirectory { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("KMN_TEST_RESULTS") is { Length: > 0 } fromEnv
            ? fromEnv
            : Path.Combine(RepoRoot, "tests", "KMN.Orleans.BrowserTests", "TestResults")).FullName;

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                return dir.FullName;
        }
        // Built with --artifacts-path the binaries live outside the tree: fall back to where the source was.
        var stamped = BuildMetadata("KmnRepoRoot");
        if (stamped is not null && File.Exists(Path.Combine(stamped, SolutionFile)))
            return Path.GetFullPath(stamped);
        throw new InvalidOperationException(
            $"Could not find {SolutionFile} above {AppContext.BaseDirectory}; run the tests from the repository.");
    }

    private static string? BuildMetadata(string key) =>
        typeof(RepoLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value;
}
