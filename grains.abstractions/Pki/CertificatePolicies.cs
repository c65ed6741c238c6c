using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace KMN.Orleans.Grains.Abstractions.Pki;

/// <summary>The certificatePolicies extension (RFC 5280 4.2.1.4): policy identifiers only, no qualifiers.</summary>
public static class CertificatePolicies
{
    public static X509Extension Extension(params string[] policyOids)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            foreach (var oid in policyOids)
            {
                using (w.PushSequence())
                    w.WriteObjectIdentifier(oid);
            }
        }
        return new X509Extension(KmnOids.CertificatePolicies, w.Encode(), critical: false);
    }

    /// <summary>The policy identifiers a certificate states; empty when it has none or they are malformed.</summary>
    public static IReadOnlySet<string> Read(X509Certificate2 certificate)
    {
        var extension = certificate.Extensions[KmnOids.CertificatePolicies];
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (extension is null)
            return result;
        try
        {
            var policies = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
            while (policies.HasData)
                result.Add(policies.ReadSequence().ReadObjectIdentifier());
        }
        catch (AsnContentException)
        {
            result.Clear();
        }
        return result;
    }
}
