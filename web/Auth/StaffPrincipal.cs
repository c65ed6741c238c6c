using System.Globalization;
using System.Security.Claims;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace KMN.Orleans.Web.Auth;

/// <summary>Builds the session's claims from a successful sign-in, and reads them back.</summary>
public static class StaffPrincipal
{
    public static ClaimsPrincipal Create(StaffAccountProfile account, string facilityName, string cardThumbprint,
        string sessionId, DateTimeOffset started)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(KmnClaims.AccountId, account.AccountId),
            new Claim(KmnClaims.Name, account.DisplayName),
            new Claim(KmnClaims.Role, account.Role.ToString()),
            new Claim(KmnClaims.FacilityCode, account.FacilityCode),
            new Claim(KmnClaims.FacilityName, facilityName),
            new Claim(KmnClaims.CardThumbprint, cardThumbprint),
            new Claim(KmnClaims.SessionId, sessionId),
            new Claim(KmnClaims.SessionStarted, started.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        ], CookieAuthenticationDefaults.AuthenticationScheme, KmnClaims.Name, KmnClaims.Role);
        return new ClaimsPrincipal(identity);
    }

    public static string? AccountId(this ClaimsPrincipal user) => user.FindFirst(KmnClaims.AccountId)?.Value;

    public static string? CardThumbprint(this ClaimsPrincipal user) => user.FindFirst(KmnClaims.CardThumbprint)?.Value;

    public static string? SessionId(this ClaimsPrincipal user) => user.FindFirst(KmnClaims.SessionId)?.Value;

    public static StaffRole? StaffRole(this ClaimsPrincipal user) =>
        Enum.TryParse<StaffRole>(user.FindFirst(KmnClaims.Role)?.Value, out var role) && Enum.IsDefined(role) ? role : null;

    public static DateTimeOffset? SessionStarted(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirst(KmnClaims.SessionStarted)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>The caller as grains see it, or null when <paramref name="user"/> is not a signed-in staff member.</summary>
    public static AccessCaller? ToCaller(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || user.AccountId() is not { } accountId
            || user.FindFirst(KmnClaims.FacilityCode)?.Value is not { } facility || user.StaffRole() is not { } role)
            return null;
        return new AccessCaller(facility, accountId, role, user.Identity.Name ?? accountId);
    }
}
