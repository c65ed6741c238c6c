using KMN.Orleans.Web.Services;

namespace KMN.Orleans.Web.Health;

/// <summary>
/// /health/live: the process answers. /health/ready: the Orleans client can call the cluster (200),
/// otherwise 503 with the reason, so deploy scripts and load balancers can wait on it.
/// </summary>
public static class HealthEndpoints
{
    public static void MapWebHealth(this WebApplication app)
    {
        app.MapGet("/health/live", () => Results.Ok(new { status = "live" }));
        app.MapGet("/health/ready", async (ClusterHealthService health, CancellationToken ct) =>
        {
            var probe = await health.ProbeAsync(ct);
            var body = new { status = probe.Ready ? "ready" : "not-ready", cluster = probe.Cluster, activeSilos = probe.ActiveSilos, detail = probe.Detail };
            return probe.Ready ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
    }
}
