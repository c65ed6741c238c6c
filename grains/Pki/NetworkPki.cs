using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Pki;

namespace KMN.Orleans.Grains.Pki;

/// <summary>
/// The network PKI kept in a folder (deploy/up.sh: .kmn/pki): network root CA → network issuing CA
/// (user cards, facility certificates), and a local HPKI test CA (HPKI-shaped cards). Creates the CAs on
/// first use, issues certificates into PKCS#12 files, revokes and re-signs the CRLs from index.tsv.
/// Single-writer: run one PKI command at a time per folder.
/// </summary>
public sealed partial class NetworkPki : IDisposable
{
    /// <summary>How long a CRL stays current; deploy/up.sh re-signs both lists on every start.</summary>
    public static readonly TimeSpan CrlLifetime = TimeSpan.FromDays(30);

    private readonly TimeProvider _clock;

    private NetworkPki(string folder, TimeProvider clock, CertificateAuthority root, CertificateAuthority issuing, CertificateAuthority hpki)
    {
        Folder = folder;
        _clock = clock;
        Root = root;
        Issuing = issuing;
        Hpki = hpki;
    }

    public string Folder { get; }
    public CertificateAuthority Root { get; }
    public CertificateAuthority Issuing { get; }
    public CertificateAuthority Hpki { get; }
    public PkiTrustSettings TrustSettings => PkiTrustSettings.ForFolder(Folder);

    public static bool Exists(string folder) => File.Exists(Path.Combine(folder, PkiFiles.RootCertificate));

    /// <summary>Opens the PKI in <paramref name="folder"/>, creating the three CAs and empty CRLs the first time.</summary>
    public static NetworkPki OpenOrCreate(string folder, TimeProvider clock)
    {
        Directory.CreateDirectory(folder);
        if (Exists(folder))
        {
            return new NetworkPki(folder, clock, LoadCa(folder, PkiFiles.RootCertificate, PkiFiles.RootKey),
                LoadCa(folder, PkiFiles.IssuingCertificate, PkiFiles.IssuingKey), LoadCa(folder, PkiFiles.HpkiCertificate, PkiFiles.HpkiKey));
        }
        var now = clock.GetUtcNow().AddMinutes(-5);
        var root = CertificateAuthority.CreateRoot(CaName("KMN Network Root CA"), now, now.AddYears(20));
        var issuing = root.CreateSubordinate(CaName("KMN Network Issuing CA"), now, now.AddYears(10));
        var hpki = CertificateAuthority.CreateRoot(CaName("KMN HPKI Test CA", "HPKI Test (not for clinical use)"), now, now.AddYears(10));
        var pki = new NetworkPki(folder, clock, root, issuing, hpki);
        // Keys first, certificates last: a folder with a root certificate is complete.
        pki.SaveCa(issuing, PkiFiles.IssuingCertificate, PkiFiles.IssuingKey);
        pki.SaveCa(hpki, PkiFiles.HpkiCertificate, PkiFiles.HpkiKey);
        File.WriteAllText(Path.Combine(folder, PkiFiles.Index), PkiIndexEntry.Header + "\n");
        pki.RefreshCrls();
        pki.SaveCa(root, PkiFiles.RootCertificate, PkiFiles.RootKey);
        return pki;
    }

    public IssuedCertificate IssueUserCard(string holderName, string facilityCode, string fileStem, string password,
        DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = RSA.Create(2048);
        return Issue(Issuing, PkiCaNames.Issuing, PkiCertificateKinds.UserCard, key,
            CertificateProfiles.UserCard(key, holderName, facilityCode), PkiFiles.CardsFolder, fileStem, password, notBefore, notAfter, pem: false);
    }

    public IssuedHpkiCard IssueHpkiCard(string holderName, StaffRole role, string fileStem, string password,
        DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var authKey = RSA.Create(2048);
        using var signKey = RSA.Create(2048);
        var auth = Issue(Hpki, PkiCaNames.Hpki, PkiCertificateKinds.HpkiAuthentication, authKey,
            CertificateProfiles.HpkiAuthentication(authKey, holderName, role), PkiFiles.CardsFolder, fileStem + "-auth", password, notBefore, notAfter, pem: false);
        var sign = Issue(Hpki, PkiCaNames.Hpki, PkiCertificateKinds.HpkiSigning, signKey,
            CertificateProfiles.HpkiSigning(signKey, holderName, role), PkiFiles.CardsFolder, fileStem + "-sign", password, notBefore, notAfter, pem: false);
        return new IssuedHpkiCard(auth, sign);
    }

    public IssuedCertificate IssueFacility(string facilityName, string facilityCode, string password,
        DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = RSA.Create(2048);
        return Issue(Issuing, PkiCaNames.Issuing, PkiCertificateKinds.Facility, key,
            CertificateProfiles.Facility(key, facilityName, facilityCode), PkiFiles.FacilitiesFolder, facilityCode, password, notBefore, notAfter, pem: true);
    }

    public void Dispose()
    {
        Root.Dispose();
        Issuing.Dispose();
        Hpki.Dispose();
    }

    private static X500DistinguishedName CaName(string commonName, string organization = "KMN.Orleans Regional Medical Network")
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("JP");
        name.AddOrganizationName(organization);
        name.AddCommonName(commonName);
        return name.Build();
    }
}
