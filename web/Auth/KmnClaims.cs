using System.Security.Claims;

namespace KMN.Orleans.Web.Auth;

/// <summary>The claims of a signed-in staff member's session cookie (built by <see cref="StaffPrincipal"/>).</summary>
public static class KmnClaims
{
    /// <summary>The account id ("&lt;facility code&gt;-&lt;nn&gt;"); also what antiforgery tokens are bound to.</summary>
    public const string AccountId = ClaimTypes.NameIdentifier;

    public const string Name = ClaimTypes.Name;

    /// <summary>The <see cref="Grains.Abstractions.Accounts.StaffRole"/> member name, e.g. "Physician".</summary>
    public const string Role = ClaimTypes.Role;

    public const string FacilityCode = "kmn:facility";
    public const string FacilityName = "kmn:facility_name";

    /// <summary>SHA-256 thumbprint of the card used to sign in: every request must present the same card.</summary>
    public const string CardThumbprint = "kmn:card";

    /// <summary>One sign-in, for sign-out, idle tracking and ending it from the server side.</summary>
    public const string SessionId = "kmn:sid";

    /// <summary>When the session began (Unix seconds): the absolute limit counts from here, not from activity.</summary>
    public const string SessionStarted = "kmn:started";
}
