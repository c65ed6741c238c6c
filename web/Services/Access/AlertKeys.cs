using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;

namespace KMN.Orleans.Web.Services.Access;

/// <summary>Which break-the-glass alerts a staff member hears: operators the network's, facility administrators their facility's.</summary>
public static class AlertKeys
{
    public static string? For(AccessCaller? caller) => caller?.Role switch
    {
        StaffRole.NetworkOperator => AccessStreams.NetworkOperators,
        StaffRole.FacilityAdministrator => caller.FacilityCode,
        _ => null,
    };
}
