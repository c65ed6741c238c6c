using System.Security.Cryptography.X509Certificates;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Pki;
using KMN.Orleans.Grains.Pki;

namespace KMN.Orleans.Tests.Accounts;

/// <summary>The certificates the PKI issues have the shapes the issue and the upload contract require.</summary>
public sealed class PkiShapeTests(TestPki pki) : IClassFixture<TestPki>
{
    [Fact]
    public void Facility_certificate_subject_is_the_shared_contract_and_chains_to_the_root()
    {
        var cert = pki.Facility.Certificate;

        Assert.Equal("CN=くまもと総合病院, O=KMN Facility, SERIALNUMBER=4311000493", cert.Subject);
        Assert.Equal("4311000493", CertificateIdentity.SubjectAttribute(cert, KmnOids.SerialNumberAttribute));
        Assert.Contains(cert.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>(),
            o => o.Value == KmnOids.ClientAuthentication);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(X509CertificateLoader.LoadCertificateFromFile(Path.Combine(pki.Folder, PkiFiles.RootCertificate)));
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        var pem = X509CertificateLoader.LoadCertificateFromFile(pki.Facility.CertificatePemPath!);
        chain.ChainPolicy.ExtraStore.Add(X509CertificateLoader.LoadCertificateFromFile(Path.Combine(pki.Folder, PkiFiles.IssuingCertificate)));
        Assert.True(chain.Build(pem), string.Join(", ", chain.ChainStatus.Select(s => s.StatusInformation)));
        Assert.Equal(3, chain.ChainElements.Count);
    }

    [Fact]
    public void Hpki_card_states_its_qualification_and_separates_authentication_from_signing()
    {
        var auth = pki.Physician.Authentication.Certificate;
        var sign = pki.Physician.Signing.Certificate;

        Assert.Equal(StaffRole.Physician, HcRole.Read(auth));
        Assert.Equal(StaffRole.Physician, HcRole.Read(sign));
        Assert.Equal(StaffRole.Pharmacist, HcRole.Read(pki.Pharmacist.Authentication.Certificate));
        Assert.Contains("CN=緒方 医師", auth.Subject);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature, auth.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages);
        Assert.Equal(X509KeyUsageFlags.NonRepudiation, sign.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages);
        Assert.Empty(sign.Extensions.OfType<X509EnhancedKeyUsageExtension>());
        Assert.Contains(KmnOids.HpkiTestAuthenticationPolicy, CertificatePolicies.Read(auth));
        Assert.Contains(KmnOids.HpkiTestSigningPolicy, CertificatePolicies.Read(sign));
        Assert.Null(HcRole.Read(pki.UserCard.Certificate));
    }

    [Fact]
    public void Pkcs12_files_open_with_their_password_and_carry_the_private_key()
    {
        var loaded = X509CertificateLoader.LoadPkcs12CollectionFromFile(pki.UserCard.Pkcs12Path, TestPki.P12Password);

        var leaf = loaded.Single(c => c.HasPrivateKey);
        Assert.Equal(pki.UserCard.Entry.Thumbprint, CertificateIdentity.Thumbprint(leaf));
        Assert.Contains(loaded, c => c.Subject.Contains("KMN Network Issuing CA", StringComparison.Ordinal));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() =>
            X509CertificateLoader.LoadPkcs12CollectionFromFile(pki.UserCard.Pkcs12Path, "wrong"));
    }

    [Fact]
    public void Index_records_every_issued_certificate_with_its_issuer()
    {
        var index = pki.Pki.Index();

        Assert.Contains(index, e => e.Thumbprint == pki.Facility.Entry.Thumbprint && e.Kind == PkiCertificateKinds.Facility && e.Ca == PkiCaNames.Issuing);
        Assert.Contains(index, e => e.Thumbprint == pki.Physician.Signing.Entry.Thumbprint && e.Kind == PkiCertificateKinds.HpkiSigning && e.Ca == PkiCaNames.Hpki);
    }

    [Fact]
    public void Revocation_lists_are_signed_by_their_CA_and_a_forged_one_is_rejected()
    {
        var issuing = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(pki.Folder, PkiFiles.IssuingCertificate));
        var hpki = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(pki.Folder, PkiFiles.HpkiCertificate));
        var der = File.ReadAllBytes(Path.Combine(pki.Folder, PkiFiles.IssuingCrl));

        var crl = RevocationList.Load(der, issuing);
        Assert.True(crl.IsCurrent(DateTimeOffset.UtcNow));
        Assert.Throws<System.Security.Cryptography.CryptographicException>(() => RevocationList.Load(der, hpki));
        der[^5] ^= 0xFF;
        Assert.Throws<System.Security.Cryptography.CryptographicException>(() => RevocationList.Load(der, issuing));
    }
}
