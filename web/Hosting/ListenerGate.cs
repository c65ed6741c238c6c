namespace KMN.Orleans.Web.Hosting;

/// <summary>
/// Keeps each listener to its job. The FHIR port serves /fhir (and /health); the portal never serves /fhir,
/// so a browser with a person's card cannot reach the facility upload API; the plain HTTP port answers
/// /health and sends everything else to the HTTPS portal. Runs first, before any page or endpoint.
/// </summary>
public static class ListenerGate
{
    public static WebApplication UseKmnListenerGate(this WebApplication app)
    {
        var roles = app.Services.GetRequiredService<ListenerRoles>();
        app.Use((http, next) =>
        {
            var path = http.Request.Path;
            var health = path.StartsWithSegments("/health");
            var fhir = path.StartsWithSegments("/fhir");
            if (roles.IsFhir(http))
                return fhir || health ? next(http) : NotFound(http);
            if (fhir)
                return NotFound(http);
            if (roles.IsProbeOnly(http) && !health)
                return ToPortal(http, roles.PortalHttps!);
            return next(http);
        });
        return app;
    }

    private static Task NotFound(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static Task ToPortal(HttpContext http, Uri portal)
    {
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
            return NotFound(http);
        var target = portal.GetLeftPart(UriPartial.Authority) + http.Request.PathBase + http.Request.Path + http.Request.QueryString;
        http.Response.Redirect(target, permanent: false);
        return Task.CompletedTask;
    }
}
