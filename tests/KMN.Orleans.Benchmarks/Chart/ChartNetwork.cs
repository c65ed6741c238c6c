using KMN.Orleans.Benchmarks.Fhir;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Persistence;
using KMN.Orleans.Grains.Pki;
using KMN.Orleans.Silo.Hosting;
using KMN.Orleans.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace KMN.Orleans.Benchmarks.Chart;

/// <summary>
/// The network the chart benchmark opens charts in, started as the browser tests start theirs: a demo PKI made by
/// the silo's own pki tool, a throwaway PostgreSQL, one silo built by the silo's <see cref="OrleansHostFactory"/>
/// with the demo network and staff, and the built web as a process with the portal on HTTPS (cards as TLS client
/// certificates) and the FHIR API. The silo runs in this process so a cold open can collect its activations.
/// </summary>
public sealed class ChartNetwork : IAsyncDisposable
{
    public const int Seed = 4300;
    public const int DemoPatients = 20; // the browser tests' network; patient index 0 is the heaviest either way

    private readonly PostgresServer _postgres;
    private readonly IHost _silo;
    private readonly DotnetProcess _web;

    private ChartNetwork(PostgresServer postgres, IHost silo, DotnetProcess web, string pkiFolder, string portalUrl, string fhirUrl)
        => (_postgres, _silo, _web, PkiFolder, PortalUrl, FhirUrl) = (postgres, silo, web, pkiFolder, portalUrl, fhirUrl);

    public string PkiFolder { get; }
    public string PortalUrl { get; }
    public string FhirUrl { get; }
    /// <summary>The web process's recent output, for a failed run's report.</summary>
    public string DescribeWeb() => _web.Describe(60);
    public IGrainFactory Grains => _silo.Services.GetRequiredService<IGrainFactory>();
    public IReadOnlyList<DemoStaffCard> Staff => DemoPki.ReadManifest(DemoPki.ManifestPath(PkiFolder));

    public static async Task<ChartNetwork> StartAsync()
    {
        var webDll = BenchLayout.WebDll; // before a minute of set-up: a missing build fails now
        var pki = Directory.CreateTempSubdirectory("kmn-bench-chart-pki-").FullName;
        await ChartNetworkSetup.PkiAsync("demo", "--seed", Seed.ToString(), "--folder", pki);
        await ChartNetworkSetup.PkiAsync("server-cert", "--name", "portal", "--folder", pki);

        var postgres = await PostgresServer.StartAsync();
        IHost? silo = null;
        DotnetProcess? web = null;
        try
        {
            await postgres.CreateDatabaseAsync("kmn");
            var cs = postgres.ConnectionString("kmn", maxPoolSize: 50);
            await using (var dataSource = NpgsqlDataSource.Create(cs))
                await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync();

            var clusterId = "kmn-bench-chart-" + Guid.NewGuid().ToString("N")[..8];
            silo = OrleansHostFactory.Build(SiloConfiguration(cs, clusterId));
            await silo.StartAsync();
            await ChartNetworkSetup.LoadDemoAsync(silo.Services.GetRequiredService<IGrainFactory>(), pki);

            var (portalUrl, fhirUrl) = ($"https://127.0.0.1:{FreePort.Next()}", $"https://127.0.0.1:{FreePort.Next()}");
            web = ChartNetworkSetup.StartWeb(webDll, pki, cs, clusterId, portalUrl, fhirUrl, out var healthUrl);
            await Readiness.WaitForHealthyAsync(healthUrl + "/health/ready", web, TimeSpan.FromMinutes(3));
            return new ChartNetwork(postgres, silo, web, pki, portalUrl, fhirUrl);
        }
        catch
        {
            // A half-started network must not outlive the failed run: PostgreSQL and the web are other processes.
            if (web is not null)
                await web.DisposeAsync();
            if (silo is not null)
                await StopAsync(silo);
            await postgres.DisposeAsync();
            throw;
        }
    }

    /// <summary>Uploads the demo history of these patient indexes through the FHIR API (deploy/import.sh demo --only).</summary>
    public async Task LoadHistoryAsync(IEnumerable<int> patientIndexes)
    {
        var exit = await KMN.Orleans.Import.DemoCommand.RunAsync(
            ["--pki", PkiFolder, "--url", FhirUrl + "/fhir", "--seed", Seed.ToString(), "--patients", DemoPatients.ToString(),
             "--only", string.Join(',', patientIndexes), "--parallel", "2"]);
        if (exit != 0)
            throw new InvalidOperationException($"The demo history import failed (exit {exit}); see its output above.");
    }

    private static IConfiguration SiloConfiguration(string connectionString, string clusterId) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Orleans.Runtime.AsyncTimer"] = "Error", // late timers on a busy machine: the load line says so
            ["Database:ConnectionString"] = connectionString,
            ["Cluster:ClusterId"] = clusterId,
            ["Cluster:ServiceId"] = "kmn",
            ["Silo:SiloPort"] = FreePort.Next().ToString(),
            ["Silo:GatewayPort"] = FreePort.Next().ToString(),
            ["Demo:Enabled"] = "false", // loaded by ChartNetworkSetup, awaited, with the same grain calls as the silo's loaders
        }).Build();

    private static async Task StopAsync(IHost silo)
    {
        await silo.StopAsync();
        silo.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        // Web first: it is a client of the silo, and the silo's data lives in PostgreSQL.
        await _web.DisposeAsync();
        await StopAsync(_silo);
        await _postgres.DisposeAsync();
        try
        {
            Directory.Delete(PkiFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
