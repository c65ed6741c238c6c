using KMN.Orleans.Grains.Persistence;
using Npgsql;

namespace KMN.Orleans.Silo.Health;

/// <summary>
/// /health/live: the process answers. /health/ready: joined the cluster and the database answers
/// (200), otherwise 503 with the reason, so load balancers and deploy/up.sh can wait on it.
/// </summary>
public static class HealthEndpoints
{
    public static void MapSiloHealth(this WebApplication app)
    {
        app.MapGet("/health/live", () => Results.Ok(new { status = "live" }));
        app.MapGet("/health/ready", async (SiloReadiness readiness, IConfiguration configuration, CancellationToken ct) =>
        {
            var silo = readiness.Current();
            var database = await ProbeDatabaseAsync(configuration, ct);
            var ready = readiness.IsActive && database == "ok";
            var body = new { status = ready ? "ready" : "not-ready", silo = silo.Status, silo.Address, silo.Name, database };
            return ready ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
    }

    private static async Task<string> ProbeDatabaseAsync(IConfiguration configuration, CancellationToken ct)
    {
        try
        {
            var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
            var builder = new NpgsqlConnectionStringBuilder(options.EffectiveConnectionString()) { Timeout = 3 };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(ct);
            return "ok";
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return $"unreachable: {ex.GetBaseException().Message}";
        }
    }
}
