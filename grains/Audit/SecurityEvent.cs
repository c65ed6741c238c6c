namespace KMN.Orleans.Grains.Audit;

/// <summary>One row of the security audit trail (deploy/sql/0007_security_events.sql).</summary>
public sealed record SecurityEvent(
    DateTimeOffset OccurredAt,
    string Action,
    bool Success,
    string? Reason = null,
    string? AccountId = null,
    string? ActorName = null,
    string? FacilityCode = null,
    string? Role = null,
    string? CardThumbprint = null,
    string? CardSerial = null,
    string? CardIssuer = null,
    string? SourceAddress = null,
    IReadOnlyDictionary<string, string>? Detail = null);

/// <summary>The audited actions (the "action" column). Stable strings: reports filter on them.</summary>
public static class SecurityActions
{
    public const string SignIn = "sign-in";
    public const string AccountLocked = "account-locked";
    public const string AccountUnlocked = "account-unlocked";
    public const string AccountEnrolled = "account-enrolled";
    public const string PasswordSet = "password-set";
    public const string CardIssued = "card-issued";
    public const string CardRevoked = "card-revoked";
    public const string CardBound = "card-bound";
    public const string CardUnbound = "card-unbound";
}
