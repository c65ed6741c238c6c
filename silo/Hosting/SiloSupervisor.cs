using KMN.Orleans.Grains.Persistence;
using KMN.Orleans.Silo.Health;
using Npgsql;

namespace KMN.Orleans.Silo.Hosting;

/// <summary>
/// Starts the Orleans silo inside this process and keeps the health endpoints honest while it does.
/// The database may be down when the process starts: we log a clear line, back off and retry, and
/// /health/ready answers 503 until the schema is migrated and the silo has joined the cluster.
/// </summary>
public sealed class SiloSupervisor(
    IConfiguration configuration, SiloReadiness readiness, ILoggerFactory loggers, ILogger<SiloSupervisor> logger)
    : BackgroundService
{
    private IHost? _silo;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            IHost? silo = null;
            try
            {
                await MigrateAsync(stoppingToken);
                silo = OrleansHostFactory.Build(configuration);
                await silo.StartAsync(stoppingToken);
                _silo = silo;
                readiness.Attach(silo.Services);
                logger.LogInformation("Silo started and joined cluster");
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                if (silo is not null)
                    await DisposeQuietlyAsync(silo);
                var delay = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(attempt, 5))));
                logger.LogError("Silo start attempt {Attempt} failed: {Reason}. Is PostgreSQL reachable ({Target})? Retrying in {Delay}.",
                    attempt, ex.GetBaseException().Message, DescribeTarget(), delay);
                await Task.Delay(delay, stoppingToken);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_silo is { } silo)
        {
            readiness.Detach();
            logger.LogInformation("Stopping silo gracefully");
            await silo.StopAsync(cancellationToken);
            await DisposeQuietlyAsync(silo);
        }
    }

    private async Task MigrateAsync(CancellationToken ct)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        await using var dataSource = NpgsqlDataSource.Create(database.EffectiveConnectionString());
        var migrator = new SchemaMigrator(dataSource, loggers.CreateLogger<SchemaMigrator>());
        var applied = await migrator.MigrateAsync(ct);
        if (applied.Count > 0)
            logger.LogInformation("Applied migrations {Versions}", string.Join(", ", applied));
    }

    private string DescribeTarget()
    {
        var raw = configuration[$"{DatabaseOptions.Section}:ConnectionString"];
        if (string.IsNullOrWhiteSpace(raw))
            return "no connection string";
        var b = new NpgsqlConnectionStringBuilder(raw);
        return $"{b.Host}:{b.Port}/{b.Database}";
    }

    private static async Task DisposeQuietlyAsync(IHost host)
    {
        try
        {
            if (host is IAsyncDisposable d) await d.DisposeAsync(); else host.Dispose();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
