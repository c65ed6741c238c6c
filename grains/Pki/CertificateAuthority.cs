using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KMN.Orleans.Grains.Pki;

/// <summary>A CA certificate with its private key: issues certificates and signs revocation lists (RSA, SHA-256).</summary>
public sealed class CertificateAuthority(X509Certificate2 certificate) : IDisposable
{
    public X509Certificate2 Certificate { get; } = certificate.HasPrivateKey
        ? certificate
        : throw new ArgumentException("A CA needs its private key.", nameof(certificate));

    public static CertificateAuthority CreateRoot(X500DistinguishedName subject, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = RSA.Create(3072);
        var request = CaRequest(subject, key, pathLength: 1);
        return new CertificateAuthority(request.CreateSelfSigned(notBefore, notAfter));
    }

    public CertificateAuthority CreateSubordinate(X500DistinguishedName subject, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = RSA.Create(3072);
        var request = CaRequest(subject, key, pathLength: 0);
        using var issued = Issue(request, notBefore, notAfter);
        return new CertificateAuthority(issued.CopyWithPrivateKey(key));
    }

    /// <summary>Signs <paramref name="request"/> with a fresh random serial, adding the authority key identifier.</summary>
    public X509Certificate2 Issue(CertificateRequest request, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        // A certificate can neither start before nor outlive its issuer.
        var issuerStart = new DateTimeOffset(Certificate.NotBefore.ToUniversalTime());
        var issuerEnd = new DateTimeOffset(Certificate.NotAfter.ToUniversalTime());
        return request.Create(Certificate, notBefore < issuerStart ? issuerStart : notBefore,
            notAfter > issuerEnd ? issuerEnd : notAfter, NewSerial());
    }

    /// <summary>A CRL listing <paramref name="revoked"/> (serial hex, time), valid until <paramref name="nextUpdate"/>.</summary>
    public byte[] BuildCrl(IEnumerable<(string Serial, DateTimeOffset RevokedAt)> revoked, DateTimeOffset thisUpdate, DateTimeOffset nextUpdate)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var (serial, at) in revoked)
            builder.AddEntry(Convert.FromHexString(serial), at, X509RevocationReason.Unspecified);
        // Seconds since 2000 only grow, so later lists always carry a larger CRL number.
        var number = new BigInteger((thisUpdate - new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)).TotalSeconds);
        return builder.Build(Certificate, number, nextUpdate, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, thisUpdate);
    }

    public void Dispose() => Certificate.Dispose();

    private static CertificateRequest CaRequest(X500DistinguishedName subject, RSA key, int pathLength)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, pathLength, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private static byte[] NewSerial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // positive
        serial[0] |= 0x10; // no leading zero byte, so the hex form is stable
        return serial;
    }
}
