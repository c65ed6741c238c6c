namespace KMN.Orleans.Grains.Abstractions.Pki;

/// <summary>
/// Object identifiers the network PKI uses (docs/adr/0006). The network's own identifiers live under a
/// UUID arc (2.25.x, ITU-T X.667), which needs no registration; the HPKI ones follow the ISO 17090 /
/// MHLW HPKI certificate profile as far as the public documents describe it.
/// </summary>
public static class KmnOids
{
    /// <summary>KMN.Orleans' arc: 2.25 + a UUID (86ade184-8c84-40b7-b541-2281d708fa9c) as an integer.</summary>
    public const string Arc = "2.25.179019392835471310861031140575939197596";

    /// <summary>Certificate policy of a network user card (利用者カード), authentication.</summary>
    public const string UserCardPolicy = Arc + ".1.1";

    /// <summary>Certificate policy of a facility client certificate (uploads over mutual TLS).</summary>
    public const string FacilityPolicy = Arc + ".1.2";

    /// <summary>Certificate policy of the local HPKI test CA's authentication certificates (認証用).</summary>
    public const string HpkiTestAuthenticationPolicy = Arc + ".1.3";

    /// <summary>Certificate policy of the local HPKI test CA's signing certificates (署名用).</summary>
    public const string HpkiTestSigningPolicy = Arc + ".1.4";

    /// <summary>X.509 subjectDirectoryAttributes extension, where HPKI carries hcRole.</summary>
    public const string SubjectDirectoryAttributes = "2.5.29.9";

    /// <summary>ISO 17090 hcRole attribute (id-hcpki-at-healthcareactor).</summary>
    public const string HcRole = "1.0.17090.0.1";

    /// <summary>HPKI coding scheme for national qualifications (国家資格) used in hcRole codedData.</summary>
    public const string HpkiQualificationScheme = "1.2.392.100495.1.6.1.1";

    public const string CertificatePolicies = "2.5.29.32";
    public const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";
    public const string SerialNumberAttribute = "2.5.4.5";
    public const string OrganizationAttribute = "2.5.4.10";
}
