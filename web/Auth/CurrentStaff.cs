using System.Security.Claims;
using KMN.Orleans.Grains.Abstractions.Access;
using Microsoft.AspNetCore.Components.Authorization;

namespace KMN.Orleans.Web.Auth;

/// <summary>
/// <see cref="ICurrentStaff"/> for pages and services: the circuit's (revalidated) authentication state, or the
/// request's user where there is no component rendering (minimal API endpoints).
/// </summary>
public sealed class CurrentStaff(AuthenticationStateProvider authentication, IHttpContextAccessor http) : ICurrentStaff
{
    public async Task<AccessCaller?> GetAsync() => (await UserAsync())?.ToCaller();

    private async Task<ClaimsPrincipal?> UserAsync()
    {
        try
        {
            return (await authentication.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // Outside a component render the provider has no state yet; the request has the user.
            return http.HttpContext?.User;
        }
    }
}
