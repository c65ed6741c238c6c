using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Pki;
using KMN.Orleans.Grains.Pki;

namespace KMN.Orleans.Tests.Accounts;

/// <summary>A real network PKI in a temp folder with one certificate of every shape the tests need.</summary>
public sealed class TestPki : IDisposable
{
    public const string P12Password = "test-p12-pass";

    public TestPki()
    {
        Folder = Directory.CreateTempSubdirectory("kmn-pki-").FullName;
        Pki = NetworkPki.OpenOrCreate(Folder, TimeProvider.System);
        var now = DateTimeOffset.UtcNow;
        UserCard = Pki.IssueUserCard("園田 看護師", "4311000001", "nurse", P12Password);
        Physician = Pki.IssueHpkiCard("緒方 医師", StaffRole.Physician, "physician", P12Password);
        Pharmacist = Pki.IssueHpkiCard("永田 薬剤師", StaffRole.Pharmacist, "pharmacist", P12Password);
        Facility = Pki.IssueFacility("くまもと総合病院", "4311000493", P12Password);
        Expired = Pki.IssueUserCard("期限 切れ", "4311000001", "expired", P12Password, now.AddYears(-3), now.AddMinutes(-1));
        NotYetValid = Pki.IssueUserCard("未来 開始", "4311000001", "future", P12Password, now.AddDays(10), now.AddYears(1));
    }

    public string Folder { get; }
    public NetworkPki Pki { get; }
    public IssuedCertificate UserCard { get; }
    public IssuedHpkiCard Physician { get; }
    public IssuedHpkiCard Pharmacist { get; }
    public IssuedCertificate Facility { get; }
    public IssuedCertificate Expired { get; }
    public IssuedCertificate NotYetValid { get; }

    public CardCertificateValidator Validator(TimeProvider? clock = null) =>
        new(new PkiTrust(Pki.TrustSettings), clock ?? TimeProvider.System);

    public CardFacts FactsOf(IssuedCertificate issued) =>
        Validator().Validate(issued.Certificate, CardPurpose.SignIn).Facts
        ?? throw new InvalidOperationException($"{issued.Entry.Subject} was refused");

    public void Dispose()
    {
        Pki.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
