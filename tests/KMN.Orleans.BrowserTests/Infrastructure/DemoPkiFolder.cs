using System.Text.Json.Nodes;
using KMN.Orleans.TestSupport;

namespace KMN.Orleans.BrowserTests.Infrastructure;

/// <summary>
/// A demo network PKI in a temp folder, made by the silo's own `pki` tool exactly as deploy/up.sh makes
/// .kmn/pki: CAs, a card per demo staff member, facility certificates, the TLS server certificates.
/// </summary>
public sealed class DemoPkiFolder : IDisposable
{
    /// <summary>StaffRole.Pharmacist as the manifest stores it (a number).</summary>
    public const int PharmacistRole = 3;

    private readonly string _siloDll;

    private DemoPkiFolder(string siloDll, string folder)
    {
        _siloDll = siloDll;
        Folder = folder;
        Cards = new DemoCards(DemoCard.ReadPasswordsFile(Path.Combine(folder, "demo", "passwords.tsv")));
    }

    public string Folder { get; }
    public DemoCards Cards { get; }
    public string RootCertificate => Path.Combine(Folder, "network-root-ca.crt.pem");
    public string IssuingCertificate => Path.Combine(Folder, "network-issuing-ca.crt.pem");
    public string StaffManifest => Path.Combine(Folder, "demo", "demo-staff.json");
    public (string Certificate, string Key) Server(string name) =>
        (Path.Combine(Folder, "servers", name + ".crt.pem"), Path.Combine(Folder, "servers", name + ".key.pem"));

    public static async Task<DemoPkiFolder> CreateAsync(string siloDll)
    {
        var folder = Directory.CreateTempSubdirectory("kmn-browser-pki-").FullName;
        await RunPkiAsync(siloDll, "demo", "--folder", folder);
        await RunPkiAsync(siloDll, "server-cert", "--name", "portal", "--folder", folder);
        return new DemoPkiFolder(siloDll, folder);
    }

    /// <summary>`pki revoke &lt;thumbprint&gt;`: the CRL is re-signed and the web sees it on its next check.</summary>
    public Task RevokeAsync(DemoCard card) => RunPkiAsync(_siloDll, "revoke", Thumbprint(card), "--folder", Folder);

    /// <summary>
    /// Re-registers the card holder's account with another role (in the manifest the silo loads), as an
    /// administrator changing a 医師's account to 薬剤師 would: the HPKI card still says 医師.
    /// </summary>
    public void ReRegister(DemoCard card, int role)
    {
        var staff = JsonNode.Parse(File.ReadAllText(StaffManifest))!.AsArray();
        var entry = Entry(staff, card);
        entry["Profile"]!["Role"] = role;
        // The card facts the loader binds with are what the edge read at issuance; binding checks them against
        // the role, so they are restated too. The certificate itself keeps its 医師 hcRole.
        entry["Card"]!["HpkiRole"] = role;
        File.WriteAllText(StaffManifest, staff.ToJsonString());
    }

    private string Thumbprint(DemoCard card) =>
        Entry(JsonNode.Parse(File.ReadAllText(StaffManifest))!.AsArray(), card)["Card"]!["Thumbprint"]!.GetValue<string>();

    private static JsonNode Entry(JsonArray staff, DemoCard card) =>
        staff.FirstOrDefault(e => e!["Profile"]!["AccountId"]!.GetValue<string>() == card.Account)
        ?? throw new InvalidOperationException($"{card} is not in the demo staff manifest.");

    private static Task RunPkiAsync(string siloDll, params string[] args)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        return ProcessRunner.RunAsync(host, [siloDll, "pki", .. args], timeout: TimeSpan.FromMinutes(3));
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
