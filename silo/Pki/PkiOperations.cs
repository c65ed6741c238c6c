using System.Globalization;
using System.Security.Cryptography;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Audit;
using KMN.Orleans.Grains.Pki;

namespace KMN.Orleans.Silo.Pki;

/// <summary>What each pki command does; separate from the host plumbing so tests can call it.</summary>
public static class PkiOperations
{
    public static async Task<int> RunAsync(PkiArguments a, PkiAudit audit, TimeProvider clock)
    {
        using var pki = NetworkPki.OpenOrCreate(a.Folder, clock);
        switch (a.Command)
        {
            case "init":
                Console.WriteLine($"PKI folder: {pki.Folder}");
                return 0;
            case "demo":
                return await DemoAsync(pki, a, audit, clock);
            case "issue-card":
                return await IssueCardAsync(pki, a, audit);
            case "issue-facility":
            {
                var password = a.Options.GetValueOrDefault("password") ?? RandomNumberGenerator.GetHexString(12, lowercase: true);
                var issued = pki.IssueFacility(a.Required("name"), a.Required("code"), password);
                await audit.RecordAsync(SecurityActions.CardIssued, issued.Entry);
                Console.WriteLine($"{issued.Pkcs12Path}\tpassword {password}\t{issued.CertificatePemPath}\t{issued.KeyPemPath}");
                return 0;
            }
            case "server-cert":
                return await ServerCertificateCommand.RunAsync(pki, a, audit);
            case "revoke":
            {
                var target = a.Positional.FirstOrDefault() ?? throw new ArgumentException("revoke needs a serial or thumbprint.");
                var entry = pki.Revoke(target);
                if (entry is null)
                {
                    Console.Error.WriteLine($"pki revoke: nothing issued here has serial or thumbprint {target}");
                    return 1;
                }
                await audit.RecordAsync(SecurityActions.CardRevoked, entry);
                Console.WriteLine($"revoked {entry.Serial} ({entry.Subject}) at {entry.RevokedAt:O}");
                return 0;
            }
            case "refresh-crl":
                pki.RefreshCrls();
                Console.WriteLine($"CRLs re-signed, valid for {NetworkPki.CrlLifetime.TotalDays} days");
                return 0;
            case "list":
                foreach (var e in pki.Index())
                    Console.WriteLine(e.ToLine());
                return 0;
            default:
                Console.Error.WriteLine(PkiCommand.Usage);
                return 2;
        }
    }

    private static async Task<int> DemoAsync(NetworkPki pki, PkiArguments a, PkiAudit audit, TimeProvider clock)
    {
        var manifest = DemoPki.ManifestPath(pki.Folder);
        if (!File.Exists(manifest))
        {
            var seed = int.Parse(a.Options.GetValueOrDefault("seed") ?? "4300", CultureInfo.InvariantCulture);
            DemoPki.Create(pki, seed, clock);
            foreach (var entry in pki.Index())
                await audit.RecordAsync(SecurityActions.CardIssued, entry);
        }
        var server = ServerCertificateCommand.EnsureDemo(pki);
        if (server.Issued is not null)
            await audit.RecordAsync(SecurityActions.CardIssued, server.Issued);
        pki.RefreshCrls();
        Console.WriteLine($"Demo cards     {pki.Folder}/cards/*.p12 (HPKI: *-auth.p12 to sign in, *-sign.p12 for signing)");
        Console.WriteLine($"Facility certs {pki.Folder}/facilities/<code>.p12, .crt.pem, .key.pem");
        Console.WriteLine($"Passwords      {DemoPki.PasswordsPath(pki.Folder)}");
        Console.WriteLine($"FHIR API TLS   {server.CertificatePemPath}, {server.KeyPemPath} (clients trust {pki.CaBundlePath})");
        return 0;
    }

    private static async Task<int> IssueCardAsync(NetworkPki pki, PkiArguments a, PkiAudit audit)
    {
        var roleName = a.Required("role");
        var role = Enum.GetValues<StaffRole>().FirstOrDefault(r => r.Japanese() == roleName || r.ToString() == roleName);
        if (!Enum.IsDefined(role) || role == default)
            throw new ArgumentException($"unknown role {roleName}");
        var password = a.Options.GetValueOrDefault("password") ?? RandomNumberGenerator.GetHexString(12, lowercase: true);
        var stem = a.Required("id");
        if (role.IsHpkiQualification())
        {
            var card = pki.IssueHpkiCard(a.Required("name"), role, stem, password);
            await audit.RecordAsync(SecurityActions.CardIssued, card.Authentication.Entry, role);
            await audit.RecordAsync(SecurityActions.CardIssued, card.Signing.Entry, role);
            Console.WriteLine($"{card.Authentication.Pkcs12Path}\t{card.Signing.Pkcs12Path}\tpassword {password}\tthumbprint {card.Authentication.Entry.Thumbprint}");
        }
        else
        {
            var card = pki.IssueUserCard(a.Required("name"), a.Required("facility"), stem, password);
            await audit.RecordAsync(SecurityActions.CardIssued, card.Entry, role);
            Console.WriteLine($"{card.Pkcs12Path}\tpassword {password}\tthumbprint {card.Entry.Thumbprint}");
        }
        return 0;
    }
}
