using System.Diagnostics;
using KMN.Orleans.TestSupport;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace KMN.Orleans.BrowserTests.Infrastructure;

/// <summary>
/// One small KMN network for the whole run, as deploy/up.sh starts it: a demo PKI (made by the pki tool), a
/// throwaway PostgreSQL, one silo that loads the demo network and demo staff, and the web with the portal on
/// HTTPS (cards as TLS client certificates) and the FHIR API, each a real process on free loopback ports.
/// </summary>
public sealed class KmnNetworkFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    public const int DemoFacilities = 21;
    private const int DemoPatients = 20;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private PostgresServer? _postgres;
    private DotnetProcess? _silo;
    private DotnetProcess? _web;
    private DemoPkiFolder? _pki;

    public string ClusterId { get; } = "kmn-browser-" + Guid.NewGuid().ToString("N")[..8];
    public string SiloHealthUrl { get; private set; } = "";

    /// <summary>The portal (https://127.0.0.1:port): where people sign in with a card.</summary>
    public string WebBaseUrl { get; private set; } = "";

    /// <summary>The web's plain loopback HTTP port: /health only, everything else is sent to the portal.</summary>
    public string WebHealthUrl { get; private set; } = "";

    /// <summary>The FHIR API's mutual-TLS endpoint (https://127.0.0.1:port), for facility certificates.</summary>
    public string FhirBaseUrl { get; private set; } = "";

    /// <summary>What the import tool printed when it loaded the demo clinical history (bundles, resources, errors).</summary>
    public string HistorySummary { get; private set; } = "";

    public string ConnectionString { get; private set; } = "";
    public DemoPkiFolder Pki => _pki ?? throw new InvalidOperationException("The demo PKI is not made yet.");
    public DemoCards Cards => Pki.Cards;

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
        // Locate both builds before spending a minute on the PKI, PostgreSQL and the silo.
        var siloDll = RepoLayout.SiloDll;
        var webDll = RepoLayout.WebDll;
        var importDll = DemoHistoryLoader.ImportDll;

        var clock = Stopwatch.StartNew();
        var pki = DemoPkiFolder.CreateAsync(siloDll);
        var postgres = PostgresServer.StartAsync();
        try
        {
            await Task.WhenAll(pki, postgres);
        }
        finally
        {
            // Whichever started must be cleaned up by DisposeAsync, even when the other failed.
            _pki = pki.IsCompletedSuccessfully ? pki.Result : null;
            _postgres = postgres.IsCompletedSuccessfully ? postgres.Result : null;
        }
        await _postgres!.CreateDatabaseAsync("kmn");
        ConnectionString = _postgres.ConnectionString("kmn");
        // Before anything reads them: one card revoked, one account re-registered with another role.
        await Pki.RevokeAsync(Cards.Revoked);
        Pki.ReRegister(Cards.RoleMismatch, DemoPkiFolder.PharmacistRole);
        var pkiAndPostgres = clock.Elapsed;

        var siloHttp = FreePort.Next();
        SiloHealthUrl = $"http://127.0.0.1:{siloHttp}/health/ready";
        _silo = DotnetProcess.StartDotnet("silo", siloDll, new Dictionary<string, string>(SharedEnvironment())
        {
            ["Urls"] = $"http://127.0.0.1:{siloHttp}",
            ["Silo__SiloPort"] = FreePort.Next().ToString(),
            ["Silo__GatewayPort"] = FreePort.Next().ToString(),
            ["Demo__Enabled"] = "true",
            ["Demo__Patients"] = DemoPatients.ToString(),
            ["Demo__StaffManifest"] = Pki.StaffManifest,
        });
        await Readiness.WaitForHealthyAsync(SiloHealthUrl, _silo, StartTimeout);
        await DemoNetworkProbe.WaitUntilLoadedAsync(ConnectionString, DemoFacilities, DemoPatients, _silo, StartTimeout);
        await Readiness.WaitUntilAsync("the demo staff accounts", _silo, StartTimeout, () =>
            Task.FromResult(_silo.Output.Contains("Demo staff ready", StringComparison.Ordinal) ? null : "not loaded yet"));
        var demo = clock.Elapsed;

        StartWeb(webDll);
        await Readiness.WaitForHealthyAsync(WebHealthUrl + "/health/ready", _web!, StartTimeout);
        var web = clock.Elapsed;
        HistorySummary = await DemoHistoryLoader.LoadAsync(Pki.Folder, FhirBaseUrl, DemoPatients);
        Report($"KMN network up in {clock.Elapsed.TotalSeconds:0.0}s: demo PKI + PostgreSQL at {pkiAndPostgres.TotalSeconds:0.0}s, " +
               $"silo with demo network and staff at {demo.TotalSeconds:0.0}s, web ready at {web.TotalSeconds:0.0}s, " +
               $"demo history ({importDll}) at {clock.Elapsed.TotalSeconds:0.0}s " +
               $"(portal {WebBaseUrl}, FHIR {FhirBaseUrl})");
    }

    private void StartWeb(string webDll)
    {
        WebHealthUrl = $"http://127.0.0.1:{FreePort.Next()}";
        WebBaseUrl = $"https://127.0.0.1:{FreePort.Next()}";
        FhirBaseUrl = $"https://127.0.0.1:{FreePort.Next()}";
        var (portalCertificate, portalKey) = Pki.Server("portal");
        var (fhirCertificate, fhirKey) = Pki.Server("fhir-api");
        _web = DotnetProcess.StartDotnet("web", webDll, new Dictionary<string, string>(SharedEnvironment())
        {
            ["Urls"] = WebHealthUrl,
            ["Portal__Url"] = WebBaseUrl,
            ["Portal__CertificatePath"] = portalCertificate,
            ["Portal__KeyPath"] = portalKey,
            ["FhirApi__Url"] = FhirBaseUrl,
            ["FhirApi__CertificatePath"] = fhirCertificate,
            ["FhirApi__KeyPath"] = fhirKey,
            ["Pki__RootCertificatePath"] = Pki.RootCertificate,
            ["Pki__IntermediateCertificatesPath"] = Pki.IssuingCertificate,
            // Open pages re-check their card every two seconds, so a revocation test need not wait long.
            ["SignIn__RevalidationInterval"] = "00:00:02",
        });
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
        _pki?.Dispose();
        _pki = null;
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
