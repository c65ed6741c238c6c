using System.Security.Cryptography.X509Certificates;
using KMN.Orleans.Grains.Abstractions.Accounts;

namespace KMN.Orleans.Grains.Abstractions.Pki;

/// <summary>
/// Decides what a trusted certificate is (user card, HPKI card, facility certificate) from its anchor and
/// policy, and whether its key usage fits the purpose. HPKI kinds are only believed from the HPKI anchor.
/// </summary>
public static class CardClassifier
{
    public static (CardKind Kind, SignInReason Problem) Classify(X509Certificate2 certificate, bool fromHpkiAnchor, CardPurpose purpose)
    {
        var policies = CertificatePolicies.Read(certificate);
        if (IsCertificateAuthority(certificate))
            return (CardKind.NetworkUserCard, SignInReason.WrongKeyUsage);

        CardKind kind;
        if (fromHpkiAnchor)
        {
            // A signing (non-repudiation) certificate is the card's other half: not for authentication.
            if (!policies.Contains(KmnOids.HpkiTestAuthenticationPolicy))
                return (CardKind.HpkiCard, purpose == CardPurpose.Upload ? SignInReason.UserCardForUpload : SignInReason.WrongKeyUsage);
            kind = CardKind.HpkiCard;
        }
        else if (policies.Contains(KmnOids.FacilityPolicy) || IsFacilitySubject(certificate))
            kind = CardKind.FacilityCertificate;
        else if (policies.Contains(KmnOids.UserCardPolicy))
            kind = CardKind.NetworkUserCard;
        else
            return (CardKind.NetworkUserCard, SignInReason.WrongKeyUsage);

        if (purpose == CardPurpose.SignIn && kind == CardKind.FacilityCertificate)
            return (kind, SignInReason.FacilityCertificate);
        if (purpose == CardPurpose.Upload && kind != CardKind.FacilityCertificate)
            return (kind, SignInReason.UserCardForUpload);
        if (!HasAuthenticationUsage(certificate))
            return (kind, SignInReason.WrongKeyUsage);
        if (kind == CardKind.FacilityCertificate && !HasFacilityCode(certificate))
            return (kind, SignInReason.WrongKeyUsage);
        return (kind, SignInReason.Ok);
    }

    /// <summary>Subject shape of facility certificates: O=KMN Facility, SERIALNUMBER=10-digit code.</summary>
    public const string FacilityOrganization = "KMN Facility";

    private static bool IsFacilitySubject(X509Certificate2 certificate) =>
        CertificateIdentity.SubjectAttribute(certificate, KmnOids.OrganizationAttribute) == FacilityOrganization;

    private static bool HasFacilityCode(X509Certificate2 certificate) =>
        CertificateIdentity.SubjectAttribute(certificate, KmnOids.SerialNumberAttribute) is { Length: 10 } code
        && code.All(char.IsAsciiDigit);

    private static bool IsCertificateAuthority(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority);

    private static bool HasAuthenticationUsage(X509Certificate2 certificate)
    {
        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        if (usage is null || !usage.KeyUsages.HasFlag(X509KeyUsageFlags.DigitalSignature))
            return false;
        var eku = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault();
        return eku is not null && eku.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>()
            .Any(o => o.Value == KmnOids.ClientAuthentication);
    }
}
