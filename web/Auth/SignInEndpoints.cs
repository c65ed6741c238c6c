using System.Globalization;
using KMN.Orleans.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace KMN.Orleans.Web.Auth;

/// <summary>
/// The sign-in form posts here (a cookie can only be set on a real HTTP response, never from a circuit).
/// Post-redirect-get: success goes to the page asked for, a failure back to /signin with its reason.
/// </summary>
public static class SignInEndpoints
{
    public const string SignInPage = "/signin";

    public static WebApplication MapKmnSignIn(this WebApplication app)
    {
        var account = app.MapGroup("/account");
        // [FromForm] makes the antiforgery check (UseAntiforgery) apply: the form carries the token.
        account.MapPost("/signin", SignInAsync).AllowAnonymous();
        // Sign-out must work even for a session that already failed its checks; SameSite=Strict guards it.
        account.MapPost("/signout", SignOutAsync).AllowAnonymous();
        // Clicks on an open page count as activity for the idle timeout (Components/App.razor.js).
        account.MapPost("/activity", () => Results.NoContent()).RequireAuthorization(KmnPolicies.Staff);
        return app;
    }

    private static async Task<IResult> SignInAsync(HttpContext http, StaffSignIn signIn,
        [FromForm] string? password, [FromForm] string? returnUrl)
    {
        var back = CultureEndpoints.SafeLocalPath(returnUrl);
        var result = await signIn.SignInAsync(http, password);
        if (result is null)
            return Results.LocalRedirect(SignInUrl(back, "error=unavailable"));
        if (result.Succeeded)
            return Results.LocalRedirect(back == SignInPage ? "/" : back);
        var query = "reason=" + result.Reason;
        if (result.Reason == Grains.Abstractions.Accounts.SignInReason.WrongPassword)
            query += "&left=" + result.FailuresLeft.ToString(CultureInfo.InvariantCulture);
        if (result.LockedUntil is { } until)
            query += "&until=" + until.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Results.LocalRedirect(SignInUrl(back, query));
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, StaffSessions sessions)
    {
        if (http.User.SessionId() is { } sessionId)
            sessions.End(sessionId, new SessionEnd(SessionEndKind.SignedOut));
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.LocalRedirect(SignInPage + "?ended=" + SessionEndKind.SignedOut);
    }

    public static string SignInUrl(string returnUrl, string? query = null)
    {
        var url = SignInPage + "?";
        if (query is not null)
            url += query + "&";
        return url + "returnUrl=" + Uri.EscapeDataString(returnUrl);
    }
}
