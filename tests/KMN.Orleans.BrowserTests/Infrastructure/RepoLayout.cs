using System.Reflection;

namespace KMN.Orleans.BrowserTests.Infrastructure;

/// <summary>
/// Finds the repository and the built silo and web executables. The tests run them exactly as production
/// does (<c>dotnet X.dll</c>), so they must already be built; a missing build is a failure, never a skip.
/// </summary>
public static class RepoLayout
{
    private const string SolutionFile = "KMN.Orleans.sln";
    private const string TargetFramework = "net10.0";

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SiloDll => FindExecutable("KMN_SILO_DLL", "silo", "KMN.Orleans.Silo");
    public static string WebDll => FindExecutable("KMN_WEB_DLL", "web", "KMN.Orleans.Web");

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

    private static string FindExecutable(string overrideVariable, string projectFolder, string assemblyName)
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable(overrideVariable) is { Length: > 0 } fromEnv)
            candidates.Add(fromEnv);
        if (ArtifactsSibling(assemblyName) is { } sibling)
            candidates.Add(sibling);
        candidates.Add(Path.Combine(RepoRoot, projectFolder, "bin", Configuration, TargetFramework, assemblyName + ".dll"));

        return candidates.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
            $"{assemblyName}.dll is not built (looked in: {string.Join(", ", candidates)}). " +
            $"Build the solution first: dotnet build {SolutionFile} -c {Configuration}  (deploy/test.sh does this), " +
            $"or point {overrideVariable} at the dll.");
    }

    /// <summary>The Configuration this test assembly was built with, read from its own path (bin/Debug/net10.0/).</summary>
    private static string Configuration
    {
        get
        {
            var parts = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar).Split(Path.DirectorySeparatorChar);
            var bin = Array.LastIndexOf(parts, "bin");
            if (bin >= 0 && bin + 2 < parts.Length && parts[bin + 2] == TargetFramework)
                return parts[bin + 1];
            return BuildMetadata("KmnConfiguration") ?? "Debug";
        }
    }

    /// <summary>
    /// With --artifacts-path every project builds to artifacts/bin/&lt;Project&gt;/&lt;pivot&gt;/, so the silo and
    /// web built alongside this test project sit in sibling folders with the same pivot (e.g. "debug").
    /// </summary>
    private static string? ArtifactsSibling(string assemblyName)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var projectDir = here.Parent;
        if (projectDir?.Parent is not { Name: "bin" } binDir || projectDir.Name != typeof(RepoLayout).Assembly.GetName().Name)
            return null;
        return Path.Combine(binDir.FullName, assemblyName, here.Name, assemblyName + ".dll");
    }

    private static string? BuildMetadata(string key) =>
        typeof(RepoLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value;
}
