namespace KMN.Orleans.BrowserTests.Infrastructure;

/// <summary>
/// One line of the demo PKI's passwords.tsv: a card (or a facility certificate) as a person would use it —
/// the PKCS#12 file to import, its file password, and the sign-in password.
/// </summary>
public sealed record DemoCard(string Kind, string Account, string Facility, string Role, string Name,
    string Pkcs12Path, string Pkcs12Password, string SignInPassword)
{
    public bool IsPersonalCard => Kind is "hpki-card" or "user-card";

    public static IReadOnlyList<DemoCard> ReadPasswordsFile(string path) =>
        File.ReadAllLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#') && !line.StartsWith("kind\t", StringComparison.Ordinal))
            .Select(line => line.Split('\t'))
            .Select(f => new DemoCard(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]))
            .ToList();

    public override string ToString() => $"{Kind} {Account} {Role} {Name}";
}
