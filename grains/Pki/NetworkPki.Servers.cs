using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KMN.Orleans.Grains.Abstractions.Pki;

namespace KMN.Orleans.Grains.Pki;

public sealed partial class NetworkPki
{
    public const string ServersFolder = "servers";

    /// <summary>Root + issuing CA in one PEM: what a TLS client (curl --cacert) trusts when a server sends only its leaf.</summary>
    public const string CaBundleFile = "network-ca-bundle.pem";

    /// <summary>A server certificate this close to its end is replaced on the next start rather than left to expire.</summary>
    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    public string CaBundlePath => Path.Combine(Folder, CaBundleFile);

    /// <summary>
    /// servers/&lt;stem&gt;.crt.pem + .key.pem for a TLS endpoint, issued by the network issuing CA — unless a usable
    /// one is already there (same names, chains to this root, not revoked, not near its end), so every start can call it.
    /// </summary>
    public ServerCertificate EnsureTlsServer(string fileStem, IReadOnlyList<string> dnsNames, IReadOnlyList<IPAddress> addresses)
    {
        WriteCaBundle();
        var folder = Path.Combine(Folder, ServersFolder);
        var certPath = Path.Combine(folder, fileStem + ".crt.pem");
        var keyPath = Path.Combine(folder, fileStem + ".key.pem");
        if (File.Exists(certPath) && File.Exists(keyPath) && IsUsable(certPath, keyPath, dnsNames, addresses))
            return new ServerCertificate(certPath, keyPath, null);
        Directory.CreateDirectory(folder);
        using var key = RSA.Create(2048);
        using var certificate = Sign(Issuing, key, CertificateProfiles.TlsServer(key, dnsNames, addresses), null, null);
        var (cert, keyFile) = WritePem(Issuing, key, certificate, folder, fileStem);
        return new ServerCertificate(cert, keyFile, Record(certificate, PkiCertificateKinds.TlsServer, PkiCaNames.Issuing, cert));
    }

    private bool IsUsable(string certPath, string keyPath, IReadOnlyList<string> dnsNames, IReadOnlyList<IPAddress> addresses)
    {
        try
        {
            using var existing = X509Certificate2.CreateFromPemFile(certPath, keyPath); // throws when the key does not match
            if (existing.NotAfter.ToUniversalTime() - _clock.GetUtcNow().UtcDateTime < RenewBefore)
                return false;
            var thumbprint = CertificateIdentity.Thumbprint(existing);
            if (Index().Any(e => e.Thumbprint == thumbprint && e.RevokedAt is not null))
                return false;
            var names = existing.Extensions.OfType<X509SubjectAlternativeNameExtension>().SingleOrDefault();
            if (names is null || !names.EnumerateDnsNames().Order().SequenceEqual(dnsNames.Order())
                || !names.EnumerateIPAddresses().Select(a => a.ToString()).Order().SequenceEqual(addresses.Select(a => a.ToString()).Order()))
                return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(Root.Certificate);
            chain.ChainPolicy.ExtraStore.Add(Issuing.Certificate);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(existing);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private void WriteCaBundle()
    {
        var bundle = Root.Certificate.ExportCertificatePem() + "\n" + Issuing.Certificate.ExportCertificatePem() + "\n";
        if (!File.Exists(CaBundlePath) || File.ReadAllText(CaBundlePath) != bundle)
            WriteAtomically(CaBundleFile, System.Text.Encoding.ASCII.GetBytes(bundle));
    }
}
