using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KMN.Orleans.Grains.Abstractions.Pki;

/// <summary>
/// A parsed, signature-checked X.509 CRL (RFC 5280 5.1). .NET can build CRLs but offers no reader that
/// lists entries or checks the signature, so this reads the DER itself: TBSCertList, algorithm, signature.
/// </summary>
public sealed class RevocationList
{
    private readonly HashSet<string> _revokedSerials;

    private RevocationList(X500DistinguishedName issuer, DateTimeOffset thisUpdate, DateTimeOffset? nextUpdate, HashSet<string> revoked)
    {
        Issuer = issuer;
        ThisUpdate = thisUpdate;
        NextUpdate = nextUpdate;
        _revokedSerials = revoked;
    }

    public X500DistinguishedName Issuer { get; }
    public DateTimeOffset ThisUpdate { get; }
    public DateTimeOffset? NextUpdate { get; }
    public IReadOnlyCollection<string> RevokedSerials => _revokedSerials;

    public bool IsRevoked(X509Certificate2 certificate) => _revokedSerials.Contains(CertificateIdentity.Serial(certificate));

    /// <summary>Whether the list is current at <paramref name="now"/> (a CRL past its nextUpdate proves nothing).</summary>
    public bool IsCurrent(DateTimeOffset now) => ThisUpdate <= now.AddMinutes(5) && (NextUpdate is null || now < NextUpdate);

    /// <summary>Parses <paramref name="der"/> and checks it was signed by <paramref name="issuer"/>; throws CryptographicException otherwise.</summary>
    public static RevocationList Load(byte[] der, X509Certificate2 issuer)
    {
        try
        {
            var list = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            var tbsBytes = list.PeekEncodedValue().ToArray();
            var tbs = list.ReadSequence();
            var algorithm = list.ReadSequence().ReadObjectIdentifier();
            var signature = list.ReadBitString(out _);
            if (!Verify(issuer, algorithm, tbsBytes, signature))
                throw new CryptographicException($"The revocation list is not signed by {issuer.Subject}.");
            return ReadTbs(tbs, issuer);
        }
        catch (AsnContentException ex)
        {
            throw new CryptographicException("The revocation list is not a valid DER CRL.", ex);
        }
    }

    private static RevocationList ReadTbs(AsnReader tbs, X509Certificate2 issuer)
    {
        if (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
            tbs.ReadInteger(); // version
        tbs.ReadSequence(); // signature algorithm (repeated inside the signed part)
        var name = new X500DistinguishedName(tbs.ReadEncodedValue().Span);
        if (!name.RawData.AsSpan().SequenceEqual(issuer.SubjectName.RawData))
            throw new CryptographicException($"The revocation list names issuer {name.Name}, not {issuer.Subject}.");
        var thisUpdate = ReadTime(tbs);
        DateTimeOffset? nextUpdate = tbs.HasData && IsTime(tbs.PeekTag()) ? ReadTime(tbs) : null;
        var revoked = new HashSet<string>(StringComparer.Ordinal);
        if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            var entries = tbs.ReadSequence();
            while (entries.HasData)
            {
                var entry = entries.ReadSequence();
                revoked.Add(CertificateIdentity.NormalizeSerial(entry.ReadIntegerBytes().Span));
            }
        }
        return new RevocationList(name, thisUpdate, nextUpdate, revoked);
    }

    private static bool IsTime(Asn1Tag tag) =>
        tag.HasSameClassAndValue(Asn1Tag.UtcTime) || tag.HasSameClassAndValue(Asn1Tag.GeneralizedTime);

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();

    private static bool Verify(X509Certificate2 issuer, string algorithm, byte[] signed, byte[] signature)
    {
        var hash = algorithm switch
        {
            "1.2.840.113549.1.1.11" or "1.2.840.10045.4.3.2" => HashAlgorithmName.SHA256,
            "1.2.840.113549.1.1.12" or "1.2.840.10045.4.3.3" => HashAlgorithmName.SHA384,
            "1.2.840.113549.1.1.13" or "1.2.840.10045.4.3.4" => HashAlgorithmName.SHA512,
            _ => throw new CryptographicException($"Unsupported CRL signature algorithm {algorithm}."),
        };
        using var rsa = issuer.GetRSAPublicKey();
        if (rsa is not null)
            return rsa.VerifyData(signed, signature, hash, RSASignaturePadding.Pkcs1);
        using var ecdsa = issuer.GetECDsaPublicKey();
        return ecdsa is not null && ecdsa.VerifyData(signed, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
    }
}
