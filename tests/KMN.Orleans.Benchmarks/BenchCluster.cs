using KMN.Orleans.Grains.Abstractions.Hosting;
using KMN.Orleans.Grains.Persistence;
using KMN.Orleans.Silo.Hosting;
using KMN.Orleans.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace KMN.Orleans.Benchmarks;

/// <summary>A real single-silo cluster on a throwaway PostgreSQL, configured exactly like deploy/up.sh's.</summary>
public sealed class BenchCluster : IAsyncDisposable
{
    private readonly PostgresServer _postgres;
    private readonly IHost _silo;

    private BenchCluster(PostgresServer postgres, IHost silo)
    {
        _postgres = postgres;
        _silo = silo;
    }

    public const string ClusterId = "bench";
    public const string ServiceId = "bench";

    public IGrainFactory Grains => _silo.Services.GetRequiredService<IGrainFactory>();
    public string ConnectionString { get; private init; } = "";
    public string PostgresDataDirectory => _postgres.DataDirectory;

    /// <param name="durable">Restart PostgreSQL with fsync and synchronous commit on (the test server runs without).</param>
    /// <param name="statements">Load pg_stat_statements too (durable only), for <see cref="PgStatements"/>.</param>
    public static async Task<BenchCluster> StartAsync(bool durable = false, bool statements = false)
    {
        var postgres = await PostgresServer.StartAsync();
        if (durable)
            await DurablePostgres.RestartDurableAsync(postgres, statements);
        await postgres.CreateDatabaseAsync("kmn");
        // KMN_BENCH_CS_EXTRA appends connection-string settings to try (e.g. ";Max Auto Prepare=32").
        var cs = postgres.ConnectionString("kmn", maxPoolSize: 50) + (Environment.GetEnvironmentVariable("KMN_BENCH_CS_EXTRA") ?? "");
        await using (var dataSource = NpgsqlDataSource.Create(cs))
            await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync();

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var settings = new SiloSettings { SiloPort = FreePort.Next(), GatewayPort = FreePort.Next() };
        builder.UseOrleans(silo => silo
            .UseKmnPostgres(new ClusterSettings { ClusterId = ClusterId, ServiceId = ServiceId }, settings, cs)
            .UseKmnEndpoints(settings));
        var host = builder.Build();
        await host.StartAsync();
        return new BenchCluster(postgres, host) { ConnectionString = cs };
    }

    public async ValueTask DisposeAsync()
    {
        await _silo.StopAsync();
        _silo.Dispose();
        await _postgres.DisposeAsync();
    }
}
