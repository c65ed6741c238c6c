namespace KMN.Orleans.Web.Resources;

/// <summary>
/// Marker type for IStringLocalizer&lt;FacilityAdminResource&gt;: the facility administration pages' texts
/// (staff, role × category matrix, disclosure, consents, access history). Japanese (neutral) in
/// FacilityAdminResource.resx, English in FacilityAdminResource.en.resx.
/// </summary>
public sealed class FacilityAdminResource
{
}
