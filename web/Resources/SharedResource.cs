namespace KMN.Orleans.Web.Resources;

/// <summary>
/// Marker type for IStringLocalizer&lt;SharedResource&gt;: SharedResource.resx holds the Japanese (neutral)
/// strings, SharedResource.en.resx the English ones. Every visible string of the portal lives there.
/// </summary>
public sealed class SharedResource
{
}
