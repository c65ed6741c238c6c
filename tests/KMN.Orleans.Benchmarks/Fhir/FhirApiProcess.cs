using System.Security.Cryptography.X509Certificates;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Demo;
using KMN.Orleans.Import;
using KMN.Orleans.TestSupport;

namespace KMN.Orleans.Benchmarks.Fhir;

/// <summary>
/// The built web, started as a process against the benchmark cluster with its mutual-TLS FHIR endpoint, a test
/// PKI, and an HttpClient of a registered, data-providing hospital.
/// </summary>
public sealed class FhirApiProcess : IAsyncDisposable
{
    private readonly DotnetProcess _web;
    private readonly NetworkTestPki _pki;

    private FhirApiProcess(DotnetProcess web, NetworkTestPki pki, (HttpClient Client, string Code) hospital, (HttpClient Client, string Code) clinic,
        IReadOnlyList<(HttpClient Client, string Code)> uploaders)
        => (_web, _pki, Hospital, HospitalCode, Clinic, ClinicCode, Uploaders) = (web, pki, hospital.Client, hospital.Code, clinic.Client, clinic.Code, uploaders);

    /// <summary>Further data-providing facilities, one per measured ingest pass (re-sending the same data as the same
    /// facility would store nothing new).</summary>
    public IReadOnlyList<(HttpClient Client, string Code)> Uploaders { get; }

    public HttpClient Hospital { get; }
    public string HospitalCode { get; }

    /// <summary>A second uploader, used to warm the API up without touching the hospital's data.</summary>
    public HttpClient Clinic { get; }
    public string ClinicCode { get; }

    public const int MaxUploaders = 15; // every other data provider of the demo network: measured passes, then warm-up until the JIT settles

    public static async Task<FhirApiProcess> StartAsync(BenchCluster cluster)
    {
        var facilities = new DemoNetworkGenerator(4300).Facilities();
        foreach (var facility in facilities)
            await cluster.Grains.GetGrain<IFacilityGrain>(facility.Code).RegisterAsync(facility);
        var hospital = facilities.First(f => f.Kind == FacilityKind.Hospital && f.ProvidesData && f.Status == FacilityStatus.Active);
        var clinic = facilities.First(f => f.Kind == FacilityKind.Clinic && f.ProvidesData && f.Status == FacilityStatus.Active);

        var pki = new NetworkTestPki(Path.Combine(Path.GetTempPath(), "kmn-bench-pki-" + Guid.NewGuid().ToString("N")[..8]));
        var httpPort = FreePort.Next();
        var fhirUrl = $"https://127.0.0.1:{FreePort.Next()}";
        var web = DotnetProcess.StartDotnet("web", BenchLayout.WebDll, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Urls"] = $"http://127.0.0.1:{httpPort}",
            ["Database__ConnectionString"] = cluster.ConnectionString,
            ["Cluster__ClusterId"] = BenchCluster.ClusterId,
            ["Cluster__ServiceId"] = BenchCluster.ServiceId,
            ["FhirApi__Url"] = fhirUrl,
            ["FhirApi__CertificatePath"] = pki.ServerCertificatePath,
            ["FhirApi__KeyPath"] = pki.ServerKeyPath,
            ["Pki__RootCertificatePath"] = pki.RootPath,
            ["Pki__IntermediateCertificatesPath"] = pki.IssuingPath,
        });
        await Readiness.WaitForHealthyAsync($"http://127.0.0.1:{httpPort}/health/ready", web, TimeSpan.FromMinutes(2));

        HttpClient ClientOf(FacilityProfile f) =>
            FacilityHttpClient.Create(new Uri(fhirUrl + "/fhir/"), pki.Facility(f.Name, f.Code), [pki.Root], [pki.Issuing]);
        var others = facilities.Where(f => f.ProvidesData && f.Status == FacilityStatus.Active && f != hospital && f != clinic)
            .Take(MaxUploaders).Select(f => (ClientOf(f), f.Code)).ToList();
        return new FhirApiProcess(web, pki, (ClientOf(hospital), hospital.Code), (ClientOf(clinic), clinic.Code), others);
    }

    public async ValueTask DisposeAsync()
    {
        Hospital.Dispose();
        Clinic.Dispose();
        foreach (var (client, _) in Uploaders)
            client.Dispose();
        await _web.DisposeAsync();
        _pki.Dispose();
    }
}

/// <summary>Where the repository and the built web are, seen from the benchmark's bin folder.</summary>
public static class BenchLayout
{
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "KMN.Orleans.sln")))
                    return dir.FullName;
            return typeof(BenchLayout).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
                       .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "KmnRepoRoot")?.Value
                   ?? throw new InvalidOperationException("Cannot find the repository (KMN.Orleans.sln) above the benchmark.");
        }
    }

    public static string WebDll => BuiltExecutable.Find(RepoRoot, "KMN_WEB_DLL", "web", "KMN.Orleans.Web");

    public static string SyntheaFolder =>
        Environment.GetEnvironmentVariable("KMN_SYNTHEA_DIR") is { Length: > 0 } fromEnv ? fromEnv
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "synthea-r4"));
}
