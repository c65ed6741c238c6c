using KMN.Orleans.Grains.Abstractions.Facilities;
using Microsoft.Extensions.Localization;
using Orleans.Runtime;

namespace KMN.Orleans.Web.Resources;

/// <summary>Labels for enums, looked up as "{Enum}_{Member}" keys so adding a member only needs a .resx row.</summary>
public static class LocalizerLabels
{
    public static string Label(this IStringLocalizer<SharedResource> l, FacilityKind kind) => l[$"FacilityKind_{kind}"];

    public static string Label(this IStringLocalizer<SharedResource> l, FacilityStatus status) => l[$"FacilityStatus_{status}"];

    public static string Label(this IStringLocalizer<SharedResource> l, SiloStatus status) => l[$"SiloStatus_{status}"];

    public static string RoleLabel(this IStringLocalizer<SharedResource> l, bool providesData) =>
        l[providesData ? "Role_Provides" : "Role_ReadOnly"];

    /// <summary>"2日 3時間 4分" / "2d 3h 4m": precision drops as the span grows.</summary>
    public static string Uptime(this IStringLocalizer<SharedResource> l, TimeSpan span)
    {
        if (span < TimeSpan.Zero)
            span = TimeSpan.Zero;
        if (span.TotalDays >= 1)
            return l["Uptime_Days", (int)span.TotalDays, span.Hours, span.Minutes];
        if (span.TotalHours >= 1)
            return l["Uptime_Hours", span.Hours, span.Minutes];
        return l["Uptime_Minutes", span.Minutes, span.Seconds];
    }
}
