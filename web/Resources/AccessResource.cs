namespace KMN.Orleans.Web.Resources;

/// <summary>
/// Marker type for IStringLocalizer&lt;AccessResource&gt;: break-the-glass (緊急時閲覧), the access log, the review
/// queue and the live alerts. AccessResource.resx holds Japanese (neutral), AccessResource.en.resx English.
/// </summary>
public sealed class AccessResource
{
}
