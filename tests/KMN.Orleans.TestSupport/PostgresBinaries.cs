namespace KMN.Orleans.TestSupport;

/// <summary>
/// Finds the distro's PostgreSQL server binaries. Missing binaries are an error, never a skip:
/// deploy/test.sh installs them, and a test run without them must fail loudly.
/// </summary>
public static class PostgresBinaries
{
    public static string FindBinDirectory()
    {
        var fromEnv = Environment.GetEnvironmentVariable("KMN_PG_BIN");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(Path.Combine(fromEnv, "initdb")))
            return fromEnv;
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .ToList()
            : [];
        return candidates.FirstOrDefault() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found (looked in $KMN_PG_BIN and /usr/lib/postgresql/*/bin). " +
            "Install them with: apt-get install -y postgresql  (deploy/test.sh does this for you).");
    }
}
