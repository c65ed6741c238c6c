namespace KMN.Orleans.Grains.Abstractions.Accounts;

/// <summary>
/// What the edge verified about a presented certificate (chain, validity, revocation, key usage): grains get
/// these facts, never the raw certificate, and bind cards by <see cref="Thumbprint"/> (SHA-256 of the DER,
/// lower-case hex), so two certificates with the same holder name are never confused.
/// </summary>
[GenerateSerializer, Immutable, Alias("kmn.CardFacts")]
public sealed record CardFacts(
    [property: Id(0)] string Thumbprint,
    [property: Id(1)] string Issuer,
    [property: Id(2)] string SerialNumber,
    [property: Id(3)] string Subject,
    [property: Id(4)] CardKind Kind,
    [property: Id(5)] StaffRole? HpkiRole,
    [property: Id(6)] DateTimeOffset NotBefore,
    [property: Id(7)] DateTimeOffset NotAfter,
    [property: Id(8)] string? FacilityCode);
