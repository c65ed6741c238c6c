using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Pki;

namespace KMN.Orleans.Grains.Pki;

/// <summary>
/// The shapes of the certificates the network PKI issues (docs/adr/0006). Each returns a request for a new
/// RSA-2048 key, as smart-card certificates use; the caller signs it with the right CA.
/// </summary>
public static class CertificateProfiles
{
    public const string UserCardOrganization = "KMN User Card";
    public const string ServerOrganization = "KMN.Orleans Regional Medical Network";

    /// <summary>Certificate policy of a network TLS server certificate (next to the .1.x ones in KmnOids).</summary>
    public const string TlsServerPolicy = KmnOids.Arc + ".1.5";

    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    /// <summary>利用者カード: CN=holder, O=KMN User Card, OU=facility code; authentication only.</summary>
    public static CertificateRequest UserCard(RSA key, string holderName, string facilityCode)
    {
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(holderName);
        subject.AddOrganizationName(UserCardOrganization);
        subject.AddOrganizationalUnitName(facilityCode);
        subject.AddCountryOrRegion("JP");
        return Leaf(key, subject.Build(), X509KeyUsageFlags.DigitalSignature, KmnOids.ClientAuthentication, KmnOids.UserCardPolicy);
    }

    /// <summary>HPKI authentication certificate (認証用): digitalSignature + clientAuth, hcRole stated.</summary>
    public static CertificateRequest HpkiAuthentication(RSA key, string holderName, StaffRole role)
    {
        var request = Leaf(key, HpkiSubject(holderName), X509KeyUsageFlags.DigitalSignature, KmnOids.ClientAuthentication,
            KmnOids.HpkiTestAuthenticationPolicy);
        request.CertificateExtensions.Add(HcRole.Extension(role));
        return request;
    }

    /// <summary>HPKI signing certificate (署名用): nonRepudiation only, hcRole stated; never for sign-in.</summary>
    public static CertificateRequest HpkiSigning(RSA key, string holderName, StaffRole role)
    {
        var request = Leaf(key, HpkiSubject(holderName), X509KeyUsageFlags.NonRepudiation, extendedUsage: null,
            KmnOids.HpkiTestSigningPolicy);
        request.CertificateExtensions.Add(HcRole.Extension(role));
        return request;
    }

    /// <summary>Facility client certificate (shared contract): CN=name, O=KMN Facility, SERIALNUMBER=code.</summary>
    public static CertificateRequest Facility(RSA key, string facilityName, string facilityCode)
    {
        var subject = new X500DistinguishedNameBuilder();
        // .NET's Subject string lists attributes in the order they are added: this reads exactly as the contract.
        subject.AddCommonName(facilityName);
        subject.AddOrganizationName(CardClassifier.FacilityOrganization);
        subject.Add(KmnOids.SerialNumberAttribute, facilityCode, UniversalTagNumber.PrintableString);
        return Leaf(key, subject.Build(), X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment,
            KmnOids.ClientAuthentication, KmnOids.FacilityPolicy);
    }

    /// <summary>
    /// TLS server certificate for a network endpoint (the FHIR API): CN=first DNS name, subjectAltName with every
    /// DNS name and IP address clients use (clients match the SAN, not the CN), serverAuth only.
    /// </summary>
    public static CertificateRequest TlsServer(RSA key, IReadOnlyList<string> dnsNames, IReadOnlyList<IPAddress> addresses)
    {
        if (dnsNames.Count == 0 && addresses.Count == 0)
            throw new ArgumentException("A server certificate needs at least one DNS name or IP address.");
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(dnsNames.Count > 0 ? dnsNames[0] : addresses[0].ToString());
        subject.AddOrganizationName(ServerOrganization);
        var request = Leaf(key, subject.Build(), X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment,
            ServerAuthentication, TlsServerPolicy);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var dns in dnsNames)
            names.AddDnsName(dns);
        foreach (var address in addresses)
            names.AddIpAddress(address);
        request.CertificateExtensions.Add(names.Build(critical: false));
        return request;
    }

    private static X500DistinguishedName HpkiSubject(string holderName)
    {
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(holderName);
        subject.AddCountryOrRegion("JP");
        return subject.Build();
    }

    private static CertificateRequest Leaf(RSA key, X500DistinguishedName subject, X509KeyUsageFlags usage, string? extendedUsage, string policy)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        if (extendedUsage is not null)
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(extendedUsage)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(CertificatePolicies.Extension(policy));
        return request;
    }
}
