using Microsoft.AspNetCore.Localization;

namespace KMN.Orleans.Web.Hosting;

/// <summary>
/// GET /culture/set?culture=en&amp;redirectUri=/ops stores the culture cookie and goes back. A full page
/// load follows, so the Blazor circuit restarts in the new culture.
/// </summary>
public static class CultureEndpoints
{
    public static void MapCultureSwitch(this WebApplication app) =>
        app.MapGet("/culture/set", (string? culture, string? redirectUri, HttpContext http) =>
        {
            var chosen = KmnCultures.Normalize(culture) ?? KmnCultures.Japanese;
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    IsEssential = true,
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                });
            return Results.LocalRedirect(SafeLocalPath(redirectUri));
        });

    /// <summary>Only same-site paths: an open redirect would let a link bounce users to another host.</summary>
    internal static string SafeLocalPath(string? redirectUri)
    {
        if (string.IsNullOrEmpty(redirectUri) || redirectUri[0] != '/')
            return "/";
        if (redirectUri.Length > 1 && (redirectUri[1] == '/' || redirectUri[1] == '\\'))
            return "/";
        return redirectUri;
    }
}
