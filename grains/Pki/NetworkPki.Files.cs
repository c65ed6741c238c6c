using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KMN.Orleans.Grains.Abstractions.Pki;

namespace KMN.Orleans.Grains.Pki;

public sealed partial class NetworkPki
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Everything this folder issued, oldest first.</summary>
    public IReadOnlyList<PkiIndexEntry> Index() =>
        File.ReadAllLines(Path.Combine(Folder, PkiFiles.Index)).Skip(1).Where(l => l.Length > 0).Select(PkiIndexEntry.Parse).ToList();

    /// <summary>
    /// Revokes the certificate whose serial or thumbprint is <paramref name="serialOrThumbprint"/> and re-signs
    /// its CA's list. Returns the entry (null when unknown); revoking twice keeps the first time.
    /// </summary>
    public PkiIndexEntry? Revoke(string serialOrThumbprint)
    {
        var wanted = CertificateIdentity.NormalizeSerial(serialOrThumbprint);
        var entries = Index().ToList();
        var i = entries.FindIndex(e => e.Serial == wanted || e.Thumbprint.Equals(serialOrThumbprint.Trim(), StringComparison.OrdinalIgnoreCase));
        if (i < 0)
            return null;
        if (entries[i].RevokedAt is null)
        {
            entries[i] = entries[i] with { RevokedAt = _clock.GetUtcNow() };
            WriteIndex(entries);
            RefreshCrls();
        }
        return entries[i];
    }

    /// <summary>Re-signs both CRLs from the index with a fresh validity window.</summary>
    public void RefreshCrls()
    {
        var now = _clock.GetUtcNow();
        var entries = Index();
        WriteCrl(Issuing, PkiCaNames.Issuing, PkiFiles.IssuingCrl, entries, now);
        WriteCrl(Hpki, PkiCaNames.Hpki, PkiFiles.HpkiCrl, entries, now);
    }

    private void WriteCrl(CertificateAuthority ca, string caName, string file, IReadOnlyList<PkiIndexEntry> entries, DateTimeOffset now)
    {
        var revoked = entries.Where(e => e.Ca == caName && e.RevokedAt is not null).Select(e => (e.Serial, e.RevokedAt!.Value));
        WriteAtomically(file, ca.BuildCrl(revoked, now.AddMinutes(-1), now + CrlLifetime));
    }

    private IssuedCertificate Issue(CertificateAuthority ca, string caName, string kind, RSA key, CertificateRequest request,
        string subfolder, string fileStem, string password, DateTimeOffset? notBefore, DateTimeOffset? notAfter, bool pem)
    {
        var certificate = Sign(ca, key, request, notBefore, notAfter);
        var folder = Path.Combine(Folder, subfolder);
        Directory.CreateDirectory(folder);
        var p12 = Path.Combine(folder, fileStem + ".p12");
        var chain = new X509Certificate2Collection { certificate };
        if (ca != Root && ca.Certificate.Subject != ca.Certificate.Issuer)
            chain.Add(X509CertificateLoader.LoadCertificate(ca.Certificate.RawData));
        WriteSecret(p12, chain.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password));
        string? certPem = null, keyPem = null;
        if (pem)
            (certPem, keyPem) = WritePem(ca, key, certificate, folder, fileStem);
        var entry = Record(certificate, kind, caName, p12);
        return new IssuedCertificate(certificate, entry, p12, certPem, keyPem);
    }

    /// <summary>Signs <paramref name="request"/> (valid two years unless told otherwise) and attaches <paramref name="key"/>.</summary>
    private X509Certificate2 Sign(CertificateAuthority ca, RSA key, CertificateRequest request, DateTimeOffset? notBefore, DateTimeOffset? notAfter)
    {
        var start = notBefore ?? _clock.GetUtcNow().AddMinutes(-5);
        using var issued = ca.Issue(request, start, notAfter ?? start.AddYears(2));
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>&lt;stem&gt;.crt.pem (leaf, then its CA, so TLS peers can send the chain) and &lt;stem&gt;.key.pem (PKCS#8, mode 600).</summary>
    private static (string Certificate, string Key) WritePem(CertificateAuthority ca, RSA key, X509Certificate2 certificate, string folder, string fileStem)
    {
        var certPem = Path.Combine(folder, fileStem + ".crt.pem");
        var keyPem = Path.Combine(folder, fileStem + ".key.pem");
        WriteSecret(keyPem, System.Text.Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem()));
        File.WriteAllText(certPem, certificate.ExportCertificatePem() + "\n" + ca.Certificate.ExportCertificatePem() + "\n");
        return (certPem, keyPem);
    }

    private PkiIndexEntry Record(X509Certificate2 certificate, string kind, string caName, string file)
    {
        var entry = new PkiIndexEntry(CertificateIdentity.Serial(certificate), CertificateIdentity.Thumbprint(certificate), kind, caName,
            new DateTimeOffset(certificate.NotAfter.ToUniversalTime()), null, Path.GetRelativePath(Folder, file), certificate.Subject);
        File.AppendAllText(Path.Combine(Folder, PkiFiles.Index), entry.ToLine() + "\n");
        return entry;
    }

    private void WriteIndex(IReadOnlyList<PkiIndexEntry> entries) =>
        WriteAtomically(PkiFiles.Index, System.Text.Encoding.UTF8.GetBytes(
            PkiIndexEntry.Header + "\n" + string.Concat(entries.Select(e => e.ToLine() + "\n"))));

    private void SaveCa(CertificateAuthority ca, string certificateFile, string keyFile)
    {
        using var rsa = ca.Certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("CA keys are RSA.");
        WriteSecret(Path.Combine(Folder, keyFile), System.Text.Encoding.ASCII.GetBytes(rsa.ExportPkcs8PrivateKeyPem()));
        File.WriteAllText(Path.Combine(Folder, certificateFile), ca.Certificate.ExportCertificatePem() + "\n");
    }

    private static CertificateAuthority LoadCa(string folder, string certificateFile, string keyFile)
    {
        using var pem = X509Certificate2.CreateFromPemFile(Path.Combine(folder, certificateFile), Path.Combine(folder, keyFile));
        // Re-import so the key is usable for signing on every platform (PEM-loaded keys are ephemeral).
        return new CertificateAuthority(X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null));
    }

    private void WriteAtomically(string file, byte[] content)
    {
        var path = Path.Combine(Folder, file);
        File.WriteAllBytes(path + ".new", content);
        File.Move(path + ".new", path, overwrite: true);
    }

    private static void WriteSecret(string path, byte[] content)
    {
        File.WriteAllBytes(path, content);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, OwnerOnly);
    }
}
