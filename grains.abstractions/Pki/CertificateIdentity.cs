using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KMN.Orleans.Grains.Abstractions.Pki;

/// <summary>How the network names a certificate: SHA-256 thumbprint and a normalized serial number.</summary>
public static class CertificateIdentity
{
    /// <summary>SHA-256 of the DER encoding, lower-case hex: the card binding key.</summary>
    public static string Thumbprint(X509Certificate2 certificate) =>
        Convert.ToHexStringLower(certificate.GetCertHash(HashAlgorithmName.SHA256));

    /// <summary>Upper-case hex, big-endian, without leading zero bytes (as a CRL entry is compared).</summary>
    public static string Serial(X509Certificate2 certificate) => NormalizeSerial(certificate.SerialNumber);

    public static string NormalizeSerial(string hex)
    {
        var s = hex.Trim().Replace(":", "", StringComparison.Ordinal).ToUpperInvariant();
        while (s.Length > 2 && s.StartsWith("00", StringComparison.Ordinal))
            s = s[2..];
        return s;
    }

    public static string NormalizeSerial(ReadOnlySpan<byte> bigEndian) => NormalizeSerial(Convert.ToHexString(bigEndian));

    /// <summary>The subject attribute with <paramref name="oid"/>, e.g. SERIALNUMBER (2.5.4.5); null if absent.</summary>
    public static string? SubjectAttribute(X509Certificate2 certificate, string oid) =>
        certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .Where(rdn => !rdn.HasMultipleElements && rdn.GetSingleElementType().Value == oid)
            .Select(rdn => rdn.GetSingleElementValue())
            .FirstOrDefault();
}
