using System.Diagnostics;
using KMN.Orleans.TestSupport;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace KMN.Orleans.BrowserTests.Infrastructure;

/// <summary>
/// One small KMN network for the whole run: a throwaway PostgreSQL, one silo that loads the demo network,
/// and the web portal as an Orleans client, each a real process on free loopback ports.
/// </summary>
public sealed class KmnNetworkFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    public const int DemoFacilities = 21;
    private const int DemoPatients = 20;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private PostgresServer? _postgres;
    private DotnetProcess? _silo;
    private DotnetProcess? _web;

    public string ClusterId { get; } = "kmn-browser-" + Guid.NewGuid().ToString("N")[..8];
    public string SiloHealthUrl { get; private set; } = "";
    public string WebBaseUrl { get; private set; } = "";
    public string ConnectionString { get; private set; } = "";

    /// <summary>Both processes' recent output, for assertion messages.</summary>
    public string Diagnostics => string.Join(Environment.NewLine, new[] { _silo, _web }.OfType<DotnetProcess>().Select(p => p.Describe()));

    public async Task InitializeAsync()
    {
        try
        {
            await StartNetworkAsync();
        }
        catch
        {
            // A half-started network must not outlive the failed run.
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartNetworkAsync()
    {
        // Locate both builds before spending a minute on PostgreSQL and the silo.
        var siloDll = RepoLayout.SiloDll;
        var webDll = RepoLayout.WebDll;

        var clock = Stopwatch.StartNew();
        _postgres = await PostgresServer.StartAsync();
        await _postgres.CreateDatabaseAsync("kmn");
        ConnectionString = _postgres.ConnectionString("kmn");

        var siloHttp = FreePort.Next();
        SiloHealthUrl = $"http://127.0.0.1:{siloHttp}/health/ready";
        _silo = DotnetProcess.StartDotnet("silo", siloDll, new Dictionary<string, string>(SharedEnvironment())
        {
            ["Urls"] = $"http://127.0.0.1:{siloHttp}",
            ["Silo__SiloPort"] = FreePort.Next().ToString(),
            ["Silo__GatewayPort"] = FreePort.Next().ToString(),
            ["Demo__Enabled"] = "true",
            ["Demo__Patients"] = DemoPatients.ToString(),
        });
        await Readiness.WaitForHealthyAsync(SiloHealthUrl, _silo, StartTimeout);
        var postgresAndSilo = clock.Elapsed;
        await DemoNetworkProbe.WaitUntilLoadedAsync(ConnectionString, DemoFacilities, DemoPatients, _silo, StartTimeout);
        var demo = clock.Elapsed;

        var webHttp = FreePort.Next();
        WebBaseUrl = $"http://127.0.0.1:{webHttp}";
        _web = DotnetProcess.StartDotnet("web", webDll, new Dictionary<string, string>(SharedEnvironment())
        {
            ["Urls"] = WebBaseUrl,
        });
        await Readiness.WaitForHealthyAsync(WebBaseUrl + "/health/ready", _web, StartTimeout);
        Report($"KMN network up in {clock.Elapsed.TotalSeconds:0.0}s: PostgreSQL + silo ready at {postgresAndSilo.TotalSeconds:0.0}s, " +
               $"demo network loaded at {demo.TotalSeconds:0.0}s, web ready at {clock.Elapsed.TotalSeconds:0.0}s");
    }

    private void Report(string message) => diagnostics.OnMessage(new DiagnosticMessage(message));

    public async Task DisposeAsync()
    {
        // Web first: it is a client of the silo, and the silo's data lives in PostgreSQL.
        // Idempotent: a failed start disposes itself, and xunit may dispose again.
        foreach (var process in new[] { _web, _silo }.OfType<DotnetProcess>())
        {
            await process.DisposeAsync();
            await File.WriteAllTextAsync(Path.Combine(RepoLayout.ResultsDirectory, $"{process.Name}.log"), process.Output);
        }
        (_web, _silo) = (null, null);
        if (_postgres is { } postgres)
        {
            _postgres = null;
            await postgres.DisposeAsync();
        }
    }

    private Dictionary<string, string> SharedEnvironment() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["Database__ConnectionString"] = ConnectionString,
        ["Cluster__ClusterId"] = ClusterId,
        ["Cluster__ServiceId"] = "kmn",
    };
}
