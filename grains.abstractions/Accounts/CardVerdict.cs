namespace KMN.Orleans.Grains.Abstractions.Accounts;

/// <summary>
/// The edge's judgement of a presented certificate: either verified <see cref="Facts"/>, or a
/// <see cref="Refusal"/> with whatever could be read for the audit trail (subject, serial).
/// </summary>
[GenerateSerializer, Immutable, Alias("kmn.CardVerdict")]
public sealed record CardVerdict(
    [property: Id(0)] CardFacts? Facts,
    [property: Id(1)] SignInReason Refusal,
    [property: Id(2)] string? PresentedSubject,
    [property: Id(3)] string? PresentedSerial,
    [property: Id(4)] string? PresentedIssuer)
{
    public bool Accepted => Facts is not null && Refusal == SignInReason.Ok;

    public static CardVerdict Accept(CardFacts facts) =>
        new(facts, SignInReason.Ok, facts.Subject, facts.SerialNumber, facts.Issuer);

    public static CardVerdict Refuse(SignInReason reason, string? subject = null, string? serial = null, string? issuer = null) =>
        reason == SignInReason.Ok
            ? throw new ArgumentException("A refusal needs a reason other than Ok.", nameof(reason))
            : new(null, reason, subject, serial, issuer);
}
