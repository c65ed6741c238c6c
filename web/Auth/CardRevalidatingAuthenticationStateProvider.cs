using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace KMN.Orleans.Web.Auth;

/// <summary>
/// An open page (Blazor circuit) makes no requests, so the cookie check never sees it. Every
/// <see cref="StaffSessionOptions.RevalidationInterval"/> this re-checks the session like a request would
/// (card still valid and not revoked, limits, sign-out elsewhere) and adds the idle timeout; on failure the
/// page turns anonymous and the router sends the browser to the sign-in page.
/// </summary>
public sealed class CardRevalidatingAuthenticationStateProvider(ILoggerFactory loggers, StaffSessionGuard guard,
    IOptions<StaffSessionOptions> options) : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        Task.FromResult(state.User.Identity?.IsAuthenticated != true || guard.CheckOpenPage(state.User) is null);
}
