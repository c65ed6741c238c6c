using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Pki;
using KMN.Orleans.Grains.Accounts.Demo;
using KMN.Orleans.Grains.Demo;

namespace KMN.Orleans.Grains.Pki;

/// <summary>
/// Issues the demo cards: an HPKI card for every 医師/歯科医師/薬剤師 and a network user card for everyone
/// else among <see cref="DemoStaffPlan"/>, plus a facility certificate per demo facility. Writes
/// demo/demo-staff.json (read by the silo) and demo/passwords.tsv (for people), both mode 600.
/// </summary>
public static class DemoPki
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string ManifestPath(string folder) => Path.Combine(folder, PkiFiles.DemoFolder, PkiFiles.DemoStaffManifest);

    public static string PasswordsPath(string folder) => Path.Combine(folder, PkiFiles.DemoFolder, PkiFiles.DemoPasswords);

    public static IReadOnlyList<DemoStaffCard> Create(NetworkPki pki, int seed, TimeProvider clock)
    {
        var validator = new CardCertificateValidator(new PkiTrust(pki.TrustSettings), clock);
        var staff = new List<DemoStaffCard>();
        var lines = new List<string> { "# KMN.Orleans demo cards: import the .p12 (PKCS#12) into the browser with its file password, then sign in with the sign-in password.",
            "kind\taccount\tfacility\trole\tname\tp12_file\tp12_password\tsign_in_password" };
        foreach (var (profile, facility) in DemoStaffPlan.Staff(seed))
        {
            var p12Password = NewPassword(10);
            var signInPassword = NewPassword(12);
            var card = profile.Role.IsHpkiQualification()
                ? pki.IssueHpkiCard(profile.DisplayName, profile.Role, profile.AccountId, p12Password).Authentication
                : pki.IssueUserCard(profile.DisplayName, profile.FacilityCode, profile.AccountId, p12Password);
            var verdict = validator.Validate(card.Certificate, CardPurpose.SignIn);
            var facts = verdict.Facts ?? throw new InvalidOperationException($"Demo card {card.Pkcs12Path} was refused: {verdict.Refusal}");
            staff.Add(new DemoStaffCard(profile, facts, signInPassword, card.Pkcs12Path, p12Password));
            lines.Add(string.Join('\t', facts.Kind == CardKind.HpkiCard ? "hpki-card" : "user-card", profile.AccountId,
                facility.Name, profile.Role.Japanese(), profile.DisplayName, card.Pkcs12Path, p12Password, signInPassword));
        }
        foreach (var facility in new DemoNetworkGenerator(seed).Facilities())
        {
            var p12Password = NewPassword(10);
            var issued = pki.IssueFacility(facility.Name, facility.Code, p12Password);
            lines.Add(string.Join('\t', facility.ProvidesData ? "facility-provider" : "facility-view-only", facility.Code,
                facility.Name, "-", "-", issued.Pkcs12Path, p12Password, $"curl --cert {issued.CertificatePemPath} --key {issued.KeyPemPath}"));
        }
        Directory.CreateDirectory(Path.Combine(pki.Folder, PkiFiles.DemoFolder));
        WriteSecret(ManifestPath(pki.Folder), JsonSerializer.Serialize(staff, Json));
        WriteSecret(PasswordsPath(pki.Folder), string.Join('\n', lines) + "\n");
        return staff;
    }

    public static IReadOnlyList<DemoStaffCard> ReadManifest(string path) =>
        JsonSerializer.Deserialize<List<DemoStaffCard>>(File.ReadAllText(path))
        ?? throw new InvalidDataException($"{path} is not a demo staff manifest.");

    private static string NewPassword(int length) => RandomNumberGenerator.GetString(Alphabet, length);

    private static void WriteSecret(string path, string content)
    {
        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
