using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KMN.Orleans.Grains.Abstractions.Pki;

/// <summary>
/// The trust anchors and revocation lists, re-read whenever one of the files changes, so a card revoked
/// with <c>pki revoke</c> stops working on the very next check without a restart. Thread-safe.
/// </summary>
public sealed class PkiTrust(PkiTrustSettings settings)
{
    private readonly Lock _gate = new();
    private string _stamp = "";
    private PkiTrustSnapshot? _current;

    public PkiTrustSettings Settings => settings;

    /// <summary>The current files. Throws FileNotFoundException when the network root certificate is missing.</summary>
    public PkiTrustSnapshot Current()
    {
        var files = new[] { settings.ResolvedRoot, settings.ResolvedIssuing, settings.ResolvedHpkiRoot,
            settings.ResolvedIssuingCrl, settings.ResolvedHpkiCrl };
        var stamp = string.Join('|', files.Select(Stamp));
        lock (_gate)
        {
            if (_current is null || stamp != _stamp)
            {
                _current = Load();
                _stamp = stamp;
            }
            return _current;
        }
    }

    private static string Stamp(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? $"{info.LastWriteTimeUtc.Ticks}:{info.Length}" : "-";
    }

    private PkiTrustSnapshot Load()
    {
        if (!File.Exists(settings.ResolvedRoot))
            throw new FileNotFoundException("The network root certificate (Pki:RootCertificatePath) was not found.", settings.ResolvedRoot);
        var root = X509CertificateLoader.LoadCertificateFromFile(settings.ResolvedRoot);
        var issuing = LoadOptional(settings.ResolvedIssuing);
        var hpki = LoadOptional(settings.ResolvedHpkiRoot);
        var crls = new Dictionary<string, RevocationList>(StringComparer.Ordinal);
        AddCrl(crls, settings.ResolvedIssuingCrl, issuing);
        AddCrl(crls, settings.ResolvedHpkiCrl, hpki);
        return new PkiTrustSnapshot(root, issuing, hpki, crls);
    }

    private static X509Certificate2? LoadOptional(string path) =>
        File.Exists(path) ? X509CertificateLoader.LoadCertificateFromFile(path) : null;

    // An unreadable or forged list is left out: certificates of that issuer then fail as RevocationUnknown.
    private static void AddCrl(Dictionary<string, RevocationList> crls, string path, X509Certificate2? issuer)
    {
        if (issuer is null || !File.Exists(path))
            return;
        try
        {
            crls[CertificateIdentity.Thumbprint(issuer)] = RevocationList.Load(File.ReadAllBytes(path), issuer);
        }
        catch (CryptographicException)
        {
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>One consistent reading of the trust files. <see cref="Crls"/> is keyed by the issuer's thumbprint.</summary>
public sealed record PkiTrustSnapshot(
    X509Certificate2 NetworkRoot,
    X509Certificate2? NetworkIssuing,
    X509Certificate2? HpkiRoot,
    IReadOnlyDictionary<string, RevocationList> Crls);
