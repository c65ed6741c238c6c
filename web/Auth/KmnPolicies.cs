using KMN.Orleans.Grains.Abstractions.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace KMN.Orleans.Web.Auth;

/// <summary>
/// The portal's authorization policies, named once and used on pages ([Authorize(Policy = ...)]),
/// endpoints (RequireAuthorization) and menus (AuthorizeView Policy).
/// </summary>
public static class KmnPolicies
{
    /// <summary>Any signed-in staff member (card + password). Every portal page needs at least this.</summary>
    public const string Staff = "kmn.staff";

    /// <summary>Facility administration (/facilities): 施設管理者 or ネットワーク運用者.</summary>
    public const string FacilityAdmin = "kmn.facility-admin";

    /// <summary>Operations (/ops, the Orleans Dashboard): ネットワーク運用者 only.</summary>
    public const string NetworkOperator = "kmn.network-operator";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Staff, StaffPolicy().Build());
        options.AddPolicy(FacilityAdmin, StaffPolicy()
            .RequireRole(nameof(StaffRole.FacilityAdministrator), nameof(StaffRole.NetworkOperator)).Build());
        options.AddPolicy(NetworkOperator, StaffPolicy().RequireRole(nameof(StaffRole.NetworkOperator)).Build());
    }

    private static AuthorizationPolicyBuilder StaffPolicy() => new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireClaim(KmnClaims.AccountId)
        .RequireClaim(KmnClaims.CardThumbprint)
        .RequireClaim(KmnClaims.SessionId);
}
