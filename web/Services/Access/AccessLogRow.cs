using KMN.Orleans.Grains.Abstractions.Access;

namespace KMN.Orleans.Web.Services.Access;

/// <summary>Why the chart was opened: ordinary care under the consent, or break-the-glass (with its reason when known).</summary>
public enum AccessPurpose
{
    Treatment,
    BreakGlass,
}

/// <summary>One access to a patient's record as the access-log page shows it.</summary>
public sealed record AccessLogRow(
    long Seq,
    DateTimeOffset At,
    string Who,
    string? FacilityName,
    string? Role,
    string Action,
    bool Succeeded,
    string? Refusal,
    IReadOnlyList<string> Categories,
    int Count,
    AccessPurpose Purpose,
    BreakGlassReason? BreakGlassReason)
{
    private const string ReasonParameter = "?reason=";

    public static AccessLogRow From(AuditEntry e, Func<string, string?> facilityName)
    {
        var breakGlass = e.Purpose == "ETREAT" || e.EventType == "break-glass";
        var succeeded = e.Outcome == "success";
        return new AccessLogRow(e.Seq, e.OccurredAt, e.ActorName ?? e.AccountId ?? e.FacilityCode ?? "",
            e.FacilityCode is { } code ? facilityName(code) ?? code : null, e.Role, e.Action, succeeded,
            succeeded ? null : e.Reason, e.Categories.IsDefault ? [] : e.Categories, e.ResourceCount,
            breakGlass ? AccessPurpose.BreakGlass : AccessPurpose.Treatment, ReasonOf(e.Query));
    }

    /// <summary>The break-the-glass row names its reason code in its query ("Patient/…?reason=Unconscious").</summary>
    private static BreakGlassReason? ReasonOf(string? query)
    {
        var at = query?.IndexOf(ReasonParameter, StringComparison.Ordinal) ?? -1;
        return at >= 0 && Enum.TryParse<BreakGlassReason>(query![(at + ReasonParameter.Length)..], out var reason) && Enum.IsDefined(reason)
            ? reason
            : null;
    }
}
