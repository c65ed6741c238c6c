using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Web.Resources;
using Microsoft.Extensions.Localization;

namespace KMN.Orleans.Web.Components.FacilityAdmin;

/// <summary>Enum labels of the facility administration pages, looked up as "{Enum}_{Member}" keys.</summary>
public static class FacilityAdminLabels
{
    public static string Label(this IStringLocalizer<FacilityAdminResource> a, StaffRole role) => a[$"StaffRole_{role}"];

    public static string Label(this IStringLocalizer<FacilityAdminResource> a, RecordCategory category) => a[$"Category_{category}"];

    public static string Label(this IStringLocalizer<FacilityAdminResource> a, UndisclosedVisibility visibility) => a[$"Undisclosed_{visibility}"];

    public static string Label(this IStringLocalizer<FacilityAdminResource> a, ConsentChange change) => a[$"ConsentChange_{change}"];

    public static string Label(this IStringLocalizer<FacilityAdminResource> a, ConsentSigner signer) => a[$"Signer_{signer}"];

    /// <summary>"全参加施設" or the facility codes of a scope.</summary>
    public static string Scope(this IStringLocalizer<FacilityAdminResource> a, ConsentScope scope) =>
        scope.AllFacilities ? a["Scope_All"] : string.Join("、", scope.Facilities);

    /// <summary>Times in the network's zone (JST), whatever the server's.</summary>
    public static string Time(DateTimeOffset at) => JapanTime.Format(at.UtcDateTime);

    /// <summary>The roles whose categories a facility sets: everyone who reads charts (administrators and operators read none).</summary>
    public static IReadOnlyList<StaffRole> ReadingRoles { get; } =
        [.. Enum.GetValues<StaffRole>().Where(r => r is not (StaffRole.FacilityAdministrator or StaffRole.NetworkOperator))];
}
