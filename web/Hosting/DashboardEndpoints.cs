using KMN.Orleans.Web.Auth;
using Orleans.Dashboard;

namespace KMN.Orleans.Web.Hosting;

/// <summary>
/// The Orleans Dashboard UI at /ops/dashboard, served by this web process (the silos only collect data).
/// Like /ops it is for network operators only (<see cref="KmnPolicies.NetworkOperator"/>).
/// </summary>
public static class DashboardEndpoints
{
    public const string RoutePrefix = "/ops/dashboard";

    /// <summary>Call after the other middleware: the guard must wrap the dashboard's endpoints.</summary>
    public static void UseKmnDashboard(this WebApplication app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments(RoutePrefix), branch => branch.Use(GuardAsync));
        app.MapOrleansDashboard(routePrefix: RoutePrefix).RequireAuthorization(KmnPolicies.NetworkOperator);
    }

    // The dashboard API only expects SiloUnavailableException. Before the first connection (no grain manifest:
    // even resolving its client fails) or with every gateway down, other exceptions escape and would show up
    // as 500s with stack traces in the log on every poll of an open dashboard page. Answer 503 instead.
    private static async Task GuardAsync(HttpContext http, RequestDelegate next)
    {
        var connection = http.RequestServices.GetRequiredService<ClusterConnectionState>();
        try
        {
            await next(http);
        }
        catch (Exception ex) when (!http.Response.HasStarted && (ex is OrleansException or TimeoutException || !connection.IsConnected))
        {
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("The Orleans cluster is not reachable right now.");
        }
    }
}
