using Orleans.Runtime;

namespace KMN.Orleans.Web.Services;

/// <summary>One silo as the membership table knows it, for the operations page.</summary>
public sealed record SiloRow(
    string Address,
    string Name,
    string Host,
    SiloStatus Status,
    DateTime StartTimeUtc,
    DateTime LastHeartbeatUtc)
{
    public bool IsActive => Status == SiloStatus.Active;

    public TimeSpan Uptime(DateTime nowUtc) => nowUtc - StartTimeUtc;

    public static SiloRow From(MembershipEntry entry) => new(
        entry.SiloAddress.ToString(),
        entry.SiloName ?? "",
        entry.HostName ?? "",
        entry.Status,
        DateTime.SpecifyKind(entry.StartTime, DateTimeKind.Utc),
        DateTime.SpecifyKind(entry.IAmAliveTime, DateTimeKind.Utc));
}
