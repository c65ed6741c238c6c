using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Pki;
using KMN.Orleans.Grains.Pki;

namespace KMN.Orleans.Tests.Accounts;

/// <summary>Every refusal the edge decides, and the facts it hands to the grains when it accepts.</summary>
public sealed class CardValidatorTests(TestPki pki) : IClassFixture<TestPki>
{
    private CardVerdict SignIn(X509Certificate2? cert) => pki.Validator().Validate(cert, CardPurpose.SignIn);

    [Fact]
    public void A_user_card_is_accepted_with_its_thumbprint_and_serial()
    {
        var verdict = SignIn(pki.UserCard.Certificate);

        Assert.True(verdict.Accepted, verdict.Refusal.ToString());
        Assert.Equal(CardKind.NetworkUserCard, verdict.Facts!.Kind);
        Assert.Equal(pki.UserCard.Entry.Thumbprint, verdict.Facts.Thumbprint);
        Assert.Equal(pki.UserCard.Entry.Serial, verdict.Facts.SerialNumber);
        Assert.Null(verdict.Facts.HpkiRole);
    }

    [Fact]
    public void An_hpki_authentication_certificate_is_accepted_with_its_role()
    {
        var verdict = SignIn(pki.Physician.Authentication.Certificate);

        Assert.True(verdict.Accepted, verdict.Refusal.ToString());
        Assert.Equal(CardKind.HpkiCard, verdict.Facts!.Kind);
        Assert.Equal(StaffRole.Physician, verdict.Facts.HpkiRole);
    }

    [Fact]
    public void No_card_is_refused() => Assert.Equal(SignInReason.NoCard, SignIn(null).Refusal);

    [Fact]
    public void The_hpki_signing_certificate_is_refused_for_sign_in() =>
        Assert.Equal(SignInReason.WrongKeyUsage, SignIn(pki.Physician.Signing.Certificate).Refusal);

    [Fact]
    public void A_facility_certificate_is_refused_for_sign_in() =>
        Assert.Equal(SignInReason.FacilityCertificate, SignIn(pki.Facility.Certificate).Refusal);

    [Fact]
    public void Expired_and_not_yet_valid_cards_are_refused()
    {
        Assert.Equal(SignInReason.Expired, SignIn(pki.Expired.Certificate).Refusal);
        Assert.Equal(SignInReason.NotYetValid, SignIn(pki.NotYetValid.Certificate).Refusal);
    }

    [Fact]
    public void A_card_from_another_CA_with_the_same_shape_is_untrusted()
    {
        var rogueName = new X500DistinguishedName("CN=KMN Network Issuing CA, O=KMN.Orleans Regional Medical Network, C=JP");
        using var rogue = CertificateAuthority.CreateRoot(rogueName, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var key = RSA.Create(2048);
        using var forged = rogue.Issue(CertificateProfiles.HpkiAuthentication(key, "偽 医師", StaffRole.Physician),
            DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));

        var verdict = SignIn(forged);

        Assert.Equal(SignInReason.UntrustedIssuer, verdict.Refusal);
        Assert.Equal(forged.Subject, verdict.PresentedSubject);
    }

    [Fact]
    public void Upload_accepts_a_facility_certificate_with_its_code_and_refuses_personal_cards()
    {
        var validator = pki.Validator();

        var facility = validator.Validate(pki.Facility.Certificate, CardPurpose.Upload);
        Assert.True(facility.Accepted, facility.Refusal.ToString());
        Assert.Equal("4311000493", facility.Facts!.FacilityCode);
        Assert.Equal(SignInReason.UserCardForUpload, validator.Validate(pki.UserCard.Certificate, CardPurpose.Upload).Refusal);
        Assert.Equal(SignInReason.UserCardForUpload, validator.Validate(pki.Physician.Authentication.Certificate, CardPurpose.Upload).Refusal);
    }

    [Fact]
    public void A_revoked_card_is_refused_at_the_next_check_by_the_same_validator()
    {
        var card = pki.Pki.IssueUserCard("失効 予定", "4311000001", "to-revoke", TestPki.P12Password);
        var validator = pki.Validator();
        Assert.True(validator.Validate(card.Certificate, CardPurpose.SignIn).Accepted);

        pki.Pki.Revoke(card.Entry.Serial);

        Assert.Equal(SignInReason.Revoked, validator.Validate(card.Certificate, CardPurpose.SignIn).Refusal);
        Assert.True(validator.Validate(pki.UserCard.Certificate, CardPurpose.SignIn).Accepted);
        Assert.Contains(card.Entry.Serial, RevocationList.Load(File.ReadAllBytes(Path.Combine(pki.Folder, PkiFiles.IssuingCrl)),
            pki.Pki.Issuing.Certificate).RevokedSerials);
    }

    [Fact]
    public void A_stale_revocation_list_fails_closed()
    {
        var later = new FixedClock(DateTimeOffset.UtcNow + NetworkPki.CrlLifetime + TimeSpan.FromDays(1));

        Assert.Equal(SignInReason.RevocationUnknown, pki.Validator(later).Validate(pki.UserCard.Certificate, CardPurpose.SignIn).Refusal);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
