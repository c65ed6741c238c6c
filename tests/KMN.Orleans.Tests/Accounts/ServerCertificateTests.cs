using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KMN.Orleans.Grains.Abstractions.Pki;
using KMN.Orleans.Grains.Pki;

namespace KMN.Orleans.Tests.Accounts;

/// <summary>The FHIR API's TLS server certificate: its shape, and that every start may ask for it without re-issuing.</summary>
public sealed class ServerCertificateTests : IDisposable
{
    private static readonly IPAddress[] Loopback = [IPAddress.Loopback];
    private readonly string _folder = Directory.CreateTempSubdirectory("kmn-pki-server-").FullName;
    private readonly NetworkPki _pki;

    public ServerCertificateTests() => _pki = NetworkPki.OpenOrCreate(_folder, TimeProvider.System);

    [Fact]
    public void Server_certificate_names_localhost_and_loopback_for_serverAuth_and_chains_to_the_root()
    {
        var server = _pki.EnsureTlsServer("fhir-api", ["localhost"], Loopback);

        using var cert = X509Certificate2.CreateFromPemFile(server.CertificatePemPath, server.KeyPemPath);
        var names = cert.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["localhost"], names.EnumerateDnsNames());
        Assert.Equal([IPAddress.Loopback], names.EnumerateIPAddresses());
        var usages = cert.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value);
        Assert.Equal(["1.3.6.1.5.5.7.3.1"], usages);
        Assert.Contains("KMN Network Issuing CA", cert.Issuer, StringComparison.Ordinal);
        Assert.Contains(CertificateProfiles.TlsServerPolicy, CertificatePolicies.Read(cert));
        Assert.Equal(PkiCertificateKinds.TlsServer, _pki.Index().Single(e => e.Thumbprint == server.Issued!.Thumbprint).Kind);

        // A client that trusts the bundle (root + issuing CA) alone accepts the leaf, as curl --cacert does.
        var bundle = new X509Certificate2Collection();
        bundle.ImportFromPemFile(_pki.CaBundlePath);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(bundle.Single(c => c.Subject == c.Issuer));
        chain.ChainPolicy.ExtraStore.AddRange(bundle);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid("1.3.6.1.5.5.7.3.1"));
        Assert.True(chain.Build(cert), string.Join(", ", chain.ChainStatus.Select(s => s.StatusInformation)));
    }

    [Fact]
    public void Asking_again_keeps_the_certificate_until_the_names_change_or_it_is_revoked()
    {
        var first = _pki.EnsureTlsServer("fhir-api", ["localhost"], Loopback);
        var again = _pki.EnsureTlsServer("fhir-api", ["localhost"], Loopback);
        Assert.NotNull(first.Issued);
        Assert.Null(again.Issued);

        var renamed = _pki.EnsureTlsServer("fhir-api", ["localhost", "kmn.example"], Loopback);
        Assert.NotNull(renamed.Issued);

        _pki.Revoke(renamed.Issued!.Serial);
        Assert.NotNull(_pki.EnsureTlsServer("fhir-api", ["localhost", "kmn.example"], Loopback).Issued);
        Assert.Equal(3, _pki.Index().Count(e => e.Kind == PkiCertificateKinds.TlsServer));
    }

    public void Dispose()
    {
        _pki.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
