namespace KMN.Orleans.TestSupport;

/// <summary>
/// Finds a built executable of the solution for a process-based test or benchmark: beside the running
/// assembly when built with --artifacts-path (artifacts/bin/&lt;Project&gt;/&lt;pivot&gt;/), else in the project's
/// own bin/&lt;Configuration&gt;/&lt;tfm&gt;/ folder. A missing build is an error, never a skip.
/// </summary>
public static class BuiltExecutable
{
    public static string Find(string repoRoot, string overrideVariable, string projectFolder, string assemblyName)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable(overrideVariable) is { Length: > 0 } fromEnv)
            candidates.Add(fromEnv);
        if (here.Parent?.Parent is { Name: "bin" } bin)
            candidates.Add(Path.Combine(bin.FullName, assemblyName, here.Name, assemblyName + ".dll"));
        if (here.Parent is { } configuration)
            candidates.Add(Path.Combine(repoRoot, projectFolder, "bin", configuration.Name, here.Name, assemblyName + ".dll"));
        return candidates.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
            $"{assemblyName}.dll is not built (looked in {string.Join(", ", candidates)}); build the solution first, " +
            $"or point {overrideVariable} at the dll.");
    }
}
