using System.Diagnostics;
using KMN.Orleans.TestSupport;
using Npgsql;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace KMN.Orleans.FhirTests.Infrastructure;

/// <summary>
/// One network for the FHIR tests: a throwaway PostgreSQL, a silo with the demo facilities, and the web with
/// its mutual-TLS FHIR endpoint, all real processes on free loopback ports; plus the test PKI and one
/// certificate per role the tests need (hospital, clinic, pharmacy, care home, untrusted, wrong usage).
/// </summary>
public sealed class FhirNetworkFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    public const long MaxBundleBytes = 20L * 1024 * 1024;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private PostgresServer? _postgres;
    private DotnetProcess? _silo;
    private DotnetProcess? _web;

    public NetworkTestPki Pki { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";
    public string FhirBase { get; private set; } = "";
    public FacilityClient Hospital { get; private set; } = null!;
    public FacilityClient Clinic { get; private set; } = null!;
    public FacilityClient Pharmacy { get; private set; } = null!;
    public FacilityClient CareHome { get; private set; } = null!;
    public FacilityClient Untrusted { get; private set; } = null!;
    public FacilityClient WrongUsage { get; private set; } = null!;
    public string Diagnostics => string.Join(Environment.NewLine, new[] { _silo, _web }.OfType<DotnetProcess>().Select(p => p.Describe()));

    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        var (siloDll, webDll) = (RepoLayout.SiloDll, RepoLayout.WebDll);
        var clock = Stopwatch.StartNew();
        Pki = new NetworkTestPki(Path.Combine(Path.GetTempPath(), "kmn-fhir-pki-" + Guid.NewGuid().ToString("N")[..8]));
        _postgres = await PostgresServer.StartAsync();
        await _postgres.CreateDatabaseAsync("kmn");
        ConnectionString = _postgres.ConnectionString("kmn");
        var shared = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Database__ConnectionString"] = ConnectionString,
            ["Cluster__ClusterId"] = "kmn-fhir-" + Guid.NewGuid().ToString("N")[..8],
            ["Cluster__ServiceId"] = "kmn",
        };

        var siloHttp = $"http://127.0.0.1:{FreePort.Next()}";
        _silo = DotnetProcess.StartDotnet("silo", siloDll, new Dictionary<string, string>(shared)
        {
            ["Urls"] = siloHttp,
            ["Silo__SiloPort"] = FreePort.Next().ToString(),
            ["Silo__GatewayPort"] = FreePort.Next().ToString(),
            ["Demo__Enabled"] = "true",
            ["Demo__Patients"] = "5",
        });
        await Readiness.WaitForHealthyAsync(siloHttp + "/health/ready", _silo, StartTimeout);
        var facilities = await DemoFacilities.WaitAsync(ConnectionString, _silo, StartTimeout);

        var webHttp = $"http://127.0.0.1:{FreePort.Next()}";
        FhirBase = $"https://127.0.0.1:{FreePort.Next()}/fhir";
        _web = DotnetProcess.StartDotnet("web", webDll, new Dictionary<string, string>(shared)
        {
            ["Urls"] = webHttp,
            ["FhirApi__Url"] = FhirBase[..^"/fhir".Length],
            ["FhirApi__CertificatePath"] = Pki.ServerCertificatePath,
            ["FhirApi__KeyPath"] = Pki.ServerKeyPath,
            ["FhirApi__MaxBundleBytes"] = MaxBundleBytes.ToString(),
            ["Pki__RootCertificatePath"] = Pki.RootPath,
            ["Pki__IntermediateCertificatesPath"] = Pki.IssuingPath,
        });
        await Readiness.WaitForHealthyAsync(webHttp + "/health/ready", _web, StartTimeout);

        Hospital = Client(Pki.Facility("テスト総合病院", facilities.Hospital), facilities.Hospital);
        Clinic = Client(Pki.Facility("テスト内科クリニック", facilities.Clinic), facilities.Clinic);
        Pharmacy = Client(Pki.Facility("テスト薬局", facilities.Pharmacy), facilities.Pharmacy);
        CareHome = Client(Pki.Facility("テスト介護老人保健施設", facilities.CareHome), facilities.CareHome);
        Untrusted = Client(Pki.UntrustedFacility("偽の病院", facilities.Hospital), facilities.Hospital);
        WrongUsage = Client(Pki.WrongUsage("用途違いの病院", facilities.Hospital), facilities.Hospital);
        diagnostics.OnMessage(new DiagnosticMessage($"FHIR network up in {clock.Elapsed.TotalSeconds:0.0}s at {FhirBase}"));
    }

    private FacilityClient Client(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, string code) =>
        new(FhirBase, code, certificate, Pki.Root, Pki.Issuing);

    /// <summary>Stops PostgreSQL (fast shutdown: open transactions are rolled back), keeping its data.</summary>
    public Task StopDatabaseAsync() => _postgres!.StopAsync();

    public Task StartDatabaseAsync() => _postgres!.StartAgainAsync();

    public async Task<long> CountRowsAsync(string table = "kmn_clinical_resource")
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in new[] { Hospital, Clinic, Pharmacy, CareHome, Untrusted, WrongUsage }.OfType<FacilityClient>())
            client.Dispose();
        foreach (var process in new[] { _web, _silo }.OfType<DotnetProcess>())
            await process.DisposeAsync();
        (_web, _silo) = (null, null);
        if (_postgres is { } postgres)
        {
            _postgres = null;
            await postgres.DisposeAsync();
        }
        Pki?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class FhirNetworkCollection : ICollectionFixture<FhirNetworkFixture>
{
    public const string Name = "fhir network";
}

/// <summary>A network of its own for tests that stop the database, so no other test sees the outage.</summary>
[CollectionDefinition(Name)]
public sealed class FhirOutageCollection : ICollectionFixture<FhirNetworkFixture>
{
    public const string Name = "fhir outage";
}
