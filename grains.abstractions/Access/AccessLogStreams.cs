namespace KMN.Orleans.Grains.Abstractions.Access;

/// <summary>
/// "This patient's access log has a new row": pushed on the <see cref="AccessStreams.Provider"/> memory streams,
/// keyed by the network patient id, after the audit row is committed, so an open access-log page reloads at
/// once instead of polling. The row itself stays in the audit trail; the notice carries no clinical data.
/// </summary>
public static class AccessLogStreams
{
    public const string Namespace = "kmn.access-log";
}

[GenerateSerializer, Immutable, Alias("kmn.AccessLogNotice")]
public sealed record AccessLogNotice(
    [property: Id(0)] string PatientId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Action);
