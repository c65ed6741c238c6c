namespace KMN.Orleans.Grains.Abstractions.Pki;

/// <summary>File names inside a PKI folder (deploy/up.sh uses .kmn/pki), shared by the issuing tool and the edge.</summary>
public static class PkiFiles
{
    public const string RootCertificate = "network-root-ca.crt.pem";
    public const string RootKey = "network-root-ca.key.pem";
    public const string IssuingCertificate = "network-issuing-ca.crt.pem";
    public const string IssuingKey = "network-issuing-ca.key.pem";
    public const string IssuingCrl = "network-issuing-ca.crl";
    public const string HpkiCertificate = "hpki-test-ca.crt.pem";
    public const string HpkiKey = "hpki-test-ca.key.pem";
    public const string HpkiCrl = "hpki-test-ca.crl";
    public const string Index = "index.tsv";
    public const string CardsFolder = "cards";
    public const string FacilitiesFolder = "facilities";
    public const string DemoFolder = "demo";
    public const string DemoStaffManifest = "demo-staff.json";
    public const string DemoPasswords = "passwords.tsv";
}
