using KMN.Orleans.Grains.Abstractions.Pki;
using KMN.Orleans.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KMN.Orleans.Web.Auth;

/// <summary>
/// Portal sign-in: a cookie session opened only by card + password (docs/adr/0008), checked on every request
/// (same card, still valid) and on open pages by revalidation; the named policies; <see cref="ICurrentStaff"/>.
/// </summary>
public static class AuthSetup
{
    public static WebApplicationBuilder AddKmnAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var sessionSection = builder.Configuration.GetSection(StaffSessionOptions.Section);
        services.Configure<StaffSessionOptions>(sessionSection);
        var session = sessionSection.Get<StaffSessionOptions>() ?? new StaffSessionOptions();
        var trust = TrustSettings(builder.Configuration);

        services.AddMemoryCache();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new PresentedCards(trust is null ? null : new PkiTrust(trust), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IMemoryCache>(), sp.GetRequiredService<IOptions<StaffSessionOptions>>(),
            sp.GetRequiredService<ILogger<PresentedCards>>()));
        services.AddSingleton<StaffSessions>();
        services.AddSingleton<StaffSessionGuard>();
        services.AddSingleton<StaffSignIn>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = "kmn.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = session.IdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = SignInEndpoints.SignInPage;
            cookie.AccessDeniedPath = "/forbidden";
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.Events.OnValidatePrincipal = ValidateSessionAsync;
            var redirect = cookie.Events.OnRedirectToLogin;
            cookie.Events.OnRedirectToLogin = context => RedirectToSignInAsync(context, redirect);
        });
        services.AddAuthorization(KmnPolicies.Add);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, CardRevalidatingAuthenticationStateProvider>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentStaff, CurrentStaff>();
        return builder;
    }

    public static WebApplication UseKmnAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>The "Pki" section as the card validator reads it; null when no network root is configured.</summary>
    private static PkiTrustSettings? TrustSettings(IConfiguration configuration)
    {
        var settings = configuration.GetSection(PkiTrustSettings.Section).Get<PkiTrustSettings>();
        return settings is null || (string.IsNullOrWhiteSpace(settings.RootCertificatePath) && string.IsNullOrWhiteSpace(settings.Folder))
            ? null
            : settings;
    }

    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null)
            return;
        // Cookies are not bound to a port: one sent to the FHIR API's listener is no portal session there,
        // and that connection's facility certificate must not end the session on the portal.
        if (context.HttpContext.RequestServices.GetRequiredService<ListenerRoles>().IsFhir(context.HttpContext))
        {
            context.RejectPrincipal();
            return;
        }
        var guard = context.HttpContext.RequestServices.GetRequiredService<StaffSessionGuard>();
        if (guard.CheckRequest(context.Principal, context.HttpContext) is not { } end)
            return;
        context.HttpContext.Items[SessionEnd.ItemKey] = end;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    // Tell the sign-in page why the session ended in this very request (revoked card, idle, ...). Requests a
    // page did not navigate to (fetches, the circuit's connection) get a plain 401 instead of a redirect.
    private static Task RedirectToSignInAsync(RedirectContext<CookieAuthenticationOptions> context,
        Func<RedirectContext<CookieAuthenticationOptions>, Task> fallback)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }
        if (context.HttpContext.Items[SessionEnd.ItemKey] is SessionEnd end)
            context.RedirectUri += (context.RedirectUri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + end.ToQuery();
        return fallback(context);
    }
}
