using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KMN.Orleans.TestSupport;

/// <summary>
/// The network PKI of issue 3, made in memory for the tests: root CA → issuing CA → facility client
/// certificates (CN, O=KMN Facility, SERIALNUMBER=facility code, EKU clientAuth) and the API's server
/// certificate for 127.0.0.1; plus a look-alike from an untrusted root.
/// </summary>
public sealed class NetworkTestPki : IDisposable
{
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";

    public NetworkTestPki(string folder)
    {
        Folder = Directory.CreateDirectory(folder).FullName;
        Root = CreateCa("CN=KMN Test Network Root CA, O=KMN Network", issuer: null);
        Issuing = CreateCa("CN=KMN Test Issuing CA, O=KMN Network", Root);
        var server = Issue("CN=127.0.0.1", Issuing, ServerAuth, san: true);
        File.WriteAllText(RootPath, Root.ExportCertificatePem());
        File.WriteAllText(IssuingPath, Issuing.ExportCertificatePem());
        File.WriteAllText(ServerCertificatePath, server.ExportCertificatePem());
        File.WriteAllText(ServerKeyPath, server.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        var otherRoot = CreateCa("CN=KMN Test Network Root CA, O=KMN Network", issuer: null);
        UntrustedRoot = otherRoot;
    }

    public string Folder { get; }
    public X509Certificate2 Root { get; }
    public X509Certificate2 Issuing { get; }
    public X509Certificate2 UntrustedRoot { get; }
    public string RootPath => Path.Combine(Folder, "root-ca.pem");
    public string IssuingPath => Path.Combine(Folder, "issuing-ca.pem");
    public string ServerCertificatePath => Path.Combine(Folder, "server.pem");
    public string ServerKeyPath => Path.Combine(Folder, "server.key");

    public X509Certificate2 Facility(string name, string code) =>
        Issue($"CN={name}, O=KMN Facility, SERIALNUMBER={code}", Issuing, ClientAuth, san: false);

    /// <summary>Same subject shape, but issued under a root the network does not trust.</summary>
    public X509Certificate2 UntrustedFacility(string name, string code) =>
        Issue($"CN={name}, O=KMN Facility, SERIALNUMBER={code}", UntrustedRoot, ClientAuth, san: false);

    /// <summary>A network-issued certificate without clientAuth (e.g. a server certificate) used as a client.</summary>
    public X509Certificate2 WrongUsage(string name, string code) =>
        Issue($"CN={name}, O=KMN Facility, SERIALNUMBER={code}", Issuing, ServerAuth, san: false);

    /// <summary>Writes a certificate and its private key as PEM files (what deploy/import.sh takes).</summary>
    public (string Certificate, string Key) WritePem(X509Certificate2 certificate, string name)
    {
        var (cert, key) = (Path.Combine(Folder, name + ".pem"), Path.Combine(Folder, name + ".key"));
        File.WriteAllText(cert, certificate.ExportCertificatePem());
        File.WriteAllText(key, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        return (cert, key);
    }

    private static X509Certificate2 CreateCa(string subject, X509Certificate2? issuer)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var notBefore = DateTimeOffset.UtcNow.AddDays(-1);
        if (issuer is null)
            return request.CreateSelfSigned(notBefore, notBefore.AddYears(5));
        using var signed = request.Create(issuer, notBefore, notBefore.AddYears(3), RandomSerial());
        return signed.CopyWithPrivateKey(key);
    }

    private static X509Certificate2 Issue(string subject, X509Certificate2 issuer, string usage, bool san)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new System.Security.Cryptography.Oid(usage)], false));
        if (san)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(System.Net.IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }
        var notBefore = DateTimeOffset.UtcNow.AddHours(-1);
        using var signed = request.Create(issuer, notBefore, notBefore.AddYears(1), RandomSerial());
        // Round-trip through PKCS#12 so the private key is usable by the TLS stack.
        using var withKey = signed.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    private static byte[] RandomSerial()
    {
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F; // a positive serial number
        return serial;
    }

    public void Dispose()
    {
        Root.Dispose();
        Issuing.Dispose();
        UntrustedRoot.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
