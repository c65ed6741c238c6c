using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Web.Resources;
using KMN.Orleans.Web.Services.Access;
using Microsoft.Extensions.Localization;

namespace KMN.Orleans.Web.Components.BreakGlass;

/// <summary>Labels for break-the-glass and access-log values, as "{Kind}_{Value}" keys of AccessResource.</summary>
public static class AccessLabels
{
    /// <summary>Every action the access log can show; others show as they are stored.</summary>
    public static readonly string[] Actions = ["read", "search", "break-glass"];

    public static string Label(this IStringLocalizer<AccessResource> a, BreakGlassReason reason) => a[$"BreakGlassReason_{reason}"];

    public static string Label(this IStringLocalizer<AccessResource> a, AccessPurpose purpose) => a[$"Purpose_{purpose}"];

    public static string Action(this IStringLocalizer<AccessResource> a, string action)
    {
        var text = a["Action_" + action.Replace("-", "", StringComparison.Ordinal)];
        return text.ResourceNotFound ? action : text;
    }

    /// <summary>Whole minutes left, rounded up, so "残り 1 分" shows until the very end.</summary>
    public static int MinutesLeft(DateTimeOffset until, DateTimeOffset now) =>
        Math.Max(0, (int)Math.Ceiling((until - now).TotalMinutes));
}
