namespace KMN.Orleans.Grains.Abstractions.Access;

/// <summary>Why a physician opens a chart outside the consent (緊急時閲覧). Audited: never renumber.</summary>
[GenerateSerializer, Alias("kmn.BreakGlassReason")]
public enum BreakGlassReason
{
    Unconscious = 1,        // 意識障害で同意を確認できない
    LifeThreatening = 2,    // 生命の危険がある
    Disaster = 3,           // 災害時
    Other = 9,              // その他
}

public static class BreakGlassReasonText
{
    public static string Japanese(this BreakGlassReason reason) => reason switch
    {
        BreakGlassReason.Unconscious => "意識障害等で本人の同意を確認できない",
        BreakGlassReason.LifeThreatening => "生命・身体の保護のため緊急に必要",
        BreakGlassReason.Disaster => "災害時の診療",
        BreakGlassReason.Other => "その他",
        _ => reason.ToString(),
    };
}

[GenerateSerializer, Immutable, Alias("kmn.BreakGlassRequest")]
public sealed record BreakGlassRequest(
    [property: Id(0)] BreakGlassReason Reason,
    [property: Id(1)] string Text);

/// <summary>Granted (until when, the review it opened) or refused with a Japanese message; every attempt is audited.</summary>
[GenerateSerializer, Immutable, Alias("kmn.BreakGlassResult")]
public sealed record BreakGlassResult(
    [property: Id(0)] bool Granted,
    [property: Id(1)] DateTimeOffset? Until,
    [property: Id(2)] long? ReviewId,
    [property: Id(3)] string? Problem)
{
    public static BreakGlassResult Refused(string problem) => new(false, null, null, problem);
}

/// <summary>
/// Pushed live to the patient's registering facility and to the network operators when a chart is opened by
/// break-the-glass. The audit row and the review queue are the durable truth; this is the notification.
/// </summary>
[GenerateSerializer, Immutable, Alias("kmn.BreakGlassAlert")]
public sealed record BreakGlassAlert(
    [property: Id(0)] long ReviewId,
    [property: Id(1)] string PatientId,
    [property: Id(2)] string AccountId,
    [property: Id(3)] string ActorName,
    [property: Id(4)] string FacilityCode,
    [property: Id(5)] BreakGlassReason Reason,
    [property: Id(6)] string Text,
    [property: Id(7)] DateTimeOffset GrantedAt,
    [property: Id(8)] DateTimeOffset ExpiresAt,
    [property: Id(9)] string? RegisteringFacility);

/// <summary>One break-the-glass opening in the operators' review queue.</summary>
[GenerateSerializer, Immutable, Alias("kmn.BreakGlassReview")]
public sealed record BreakGlassReview(
    [property: Id(0)] BreakGlassAlert Opening,
    [property: Id(1)] DateTimeOffset? ReviewedAt,
    [property: Id(2)] string? ReviewedBy,
    [property: Id(3)] string? Note);

/// <summary>Names of the live notification streams (Orleans memory streams; clients subscribe by these).</summary>
public static class AccessStreams
{
    public const string Provider = "kmn-alerts";
    public const string BreakGlassNamespace = "kmn.break-glass";

    /// <summary>The stream key network operators listen on; facility admins listen on their facility code.</summary>
    public const string NetworkOperators = "network";
}
