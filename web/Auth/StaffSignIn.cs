using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Web.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace KMN.Orleans.Web.Auth;

/// <summary>
/// Both factors or nothing: the card this connection presents (judged here, at the edge) and the password go
/// to <see cref="ISignInGrain"/>, which decides and audits; only an Ok result opens a cookie session.
/// </summary>
public sealed class StaffSignIn(PresentedCards cards, StaffSessions sessions, IGrainFactory grains, GrainCallGuard guard,
    TimeProvider clock, ILogger<StaffSignIn> logger)
{
    // The KDF runs a few hundred milliseconds on a silo; allow for a busy one.
    private static readonly TimeSpan SignInTimeout = TimeSpan.FromSeconds(20);

    // Longer than any password the rules accept: still refused (and audited) by the account as InvalidPassword,
    // but a megabyte-sized form value is not shipped to the cluster.
    private const int LongestForwarded = 1024;

    /// <summary>The grain's result, or null when the cluster could not be reached.</summary>
    public async Task<SignInResult?> SignInAsync(HttpContext http, string? password)
    {
        var certificate = http.Connection.ClientCertificate;
        var verdict = cards.Judge(certificate);
        var attempt = password is null ? "" : password.Length > LongestForwarded ? password[..(LongestForwarded + 1)] : password;
        SignInResult result;
        try
        {
            result = await guard.RunAsync("sign-in", () => grains.GetGrain<ISignInGrain>(0)
                .SignInAsync(verdict, attempt, http.Connection.RemoteIpAddress?.ToString()), SignInTimeout);
        }
        catch (ClusterUnavailableException ex)
        {
            logger.LogWarning("Sign-in could not reach the cluster: {Reason}", ex.Message);
            return null;
        }
        if (!result.Succeeded || certificate is null || verdict.Facts is not { } card)
            return result;

        var account = result.Account!;
        var sessionId = sessions.Start();
        cards.Remember(certificate, card.Thumbprint);
        var principal = StaffPrincipal.Create(account, await FacilityNameAsync(account.FacilityCode), card.Thumbprint,
            sessionId, clock.GetUtcNow());
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        logger.LogInformation("Signed in {AccountId} ({Role}) with card {Thumbprint}", account.AccountId, account.Role, card.Thumbprint);
        return result;
    }

    // Shown in the header only; the code stands in when the directory cannot be asked.
    private async Task<string> FacilityNameAsync(string code)
    {
        try
        {
            var profile = await guard.RunAsync("facility name", () => grains.GetGrain<IFacilityGrain>(code).GetProfileAsync());
            return profile?.Name ?? code;
        }
        catch (ClusterUnavailableException)
        {
            return code;
        }
    }
}
