namespace KMN.Orleans.BrowserTests.Infrastructure;

/// <summary>The demo cards the tests sign in with, each picked for what it shows.</summary>
public sealed class DemoCards(IReadOnlyList<DemoCard> all)
{
    public IReadOnlyList<DemoCard> All => all;

    /// <summary>ネットワーク運用者: sees every page, /ops and the dashboard.</summary>
    public DemoCard Operator { get; } = First(all, "user-card", "ネットワーク運用者");

    /// <summary>An HPKI 医師 card whose account is a 医師: the ordinary sign-in.</summary>
    public DemoCard Physician { get; } = Nth(all, "hpki-card", "医師", 0);

    /// <summary>A second 医師 card, bound to an account the fixture re-registers as 薬剤師 (RoleMismatch).</summary>
    public DemoCard RoleMismatch { get; } = Nth(all, "hpki-card", "医師", 1);

    public DemoCard Pharmacist { get; } = First(all, "hpki-card", "薬剤師");
    public DemoCard CareWorker { get; } = First(all, "user-card", "介護職員");
    public DemoCard FacilityAdministrator { get; } = First(all, "user-card", "施設管理者");

    /// <summary>A 看護師 card the fixture revokes before the web starts.</summary>
    public DemoCard Revoked { get; } = Nth(all, "user-card", "看護師", 0);

    /// <summary>A 看護師 card that a test revokes while its holder is signed in.</summary>
    public DemoCard RevokedDuringSession { get; } = Nth(all, "user-card", "看護師", 1);

    /// <summary>A 事務職員 card for wrong-password attempts (kept away from the accounts other tests sign in with).</summary>
    public DemoCard WrongPassword { get; } = First(all, "user-card", "事務職員");

    /// <summary>A data-providing facility's machine certificate: for uploads, never for signing in.</summary>
    public DemoCard Facility { get; } = all.First(c => c.Kind == "facility-provider");

    private static DemoCard First(IReadOnlyList<DemoCard> all, string kind, string role) => Nth(all, kind, role, 0);

    private static DemoCard Nth(IReadOnlyList<DemoCard> all, string kind, string role, int n) =>
        all.Where(c => c.Kind == kind && c.Role == role).Skip(n).FirstOrDefault()
        ?? throw new InvalidOperationException($"The demo PKI has no {kind} #{n + 1} for {role}.");
}
