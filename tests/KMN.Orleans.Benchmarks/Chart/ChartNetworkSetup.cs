using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Demo;
using KMN.Orleans.Grains.Pki;
using KMN.Orleans.TestSupport;

namespace KMN.Orleans.Benchmarks.Chart;

/// <summary>The steps of starting a <see cref="ChartNetwork"/>, each as deploy/up.sh and the browser tests take it.</summary>
public static class ChartNetworkSetup
{
    /// <summary>The silo's demo network, consents and staff, with the grain calls its own loaders make, awaited.</summary>
    public static async Task LoadDemoAsync(IGrainFactory grains, string pki)
    {
        var spec = new DemoNetworkSpec(ChartNetwork.Seed, ChartNetwork.DemoPatients);
        var staff = DemoPki.ReadManifest(DemoPki.ManifestPath(pki)).ToImmutableArray();
        await PatientlyAsync(() => grains.GetGrain<IDemoNetworkGrain>("kumamoto").EnsureLoadedAsync(spec));
        await PatientlyAsync(() => grains.GetGrain<IDemoAccessGrain>("kumamoto").EnsureLoadedAsync(spec));
        await PatientlyAsync(() => grains.GetGrain<IDemoStaffGrain>("kumamoto").EnsureLoadedAsync(spec, staff));
    }

    /// <summary>
    /// A demo load may outlast the 30 s response timeout on a busy machine (the staff load hashes every password);
    /// the grain keeps loading, and asking again answers once it is done, as the silo's own loaders do.
    /// </summary>
    private static async Task PatientlyAsync<T>(Func<Task<T>> load)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await load();
                return;
            }
            catch (TimeoutException) when (attempt < 10)
            {
            }
        }
    }

    /// <summary>The built web as production runs it: portal on HTTPS with card client certificates, and the FHIR API.</summary>
    public static DotnetProcess StartWeb(string webDll, string pki, string cs, string clusterId, string portalUrl, string fhirUrl,
        out string healthUrl)
    {
        healthUrl = $"http://127.0.0.1:{FreePort.Next()}";
        string Server(string name, string ext) => Path.Combine(pki, "servers", $"{name}.{ext}.pem");
        return DotnetProcess.StartDotnet("web", webDll, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Database__ConnectionString"] = cs,
            ["Cluster__ClusterId"] = clusterId,
            ["Cluster__ServiceId"] = "kmn",
            ["Urls"] = healthUrl,
            ["Portal__Url"] = portalUrl,
            ["Portal__CertificatePath"] = Server("portal", "crt"),
            ["Portal__KeyPath"] = Server("portal", "key"),
            ["FhirApi__Url"] = fhirUrl,
            ["FhirApi__CertificatePath"] = Server("fhir-api", "crt"),
            ["FhirApi__KeyPath"] = Server("fhir-api", "key"),
            ["Pki__RootCertificatePath"] = Path.Combine(pki, "network-root-ca.crt.pem"),
            ["Pki__IntermediateCertificatesPath"] = Path.Combine(pki, "network-issuing-ca.crt.pem"),
        });
    }

    /// <summary>The silo's pki tool, run in this process.</summary>
    public static async Task PkiAsync(params string[] args)
    {
        // The tool's own report (where the files are, a note per unaudited card) is for people setting up a network.
        var (console, errors, said) = (Console.Out, Console.Error, new StringWriter());
        Console.SetOut(TextWriter.Null);
        Console.SetError(said);
        int exit;
        try
        {
            exit = await KMN.Orleans.Silo.Pki.PkiCommand.RunAsync(args);
        }
        finally
        {
            Console.SetOut(console);
            Console.SetError(errors);
        }
        if (exit != 0)
            throw new InvalidOperationException($"pki {string.Join(' ', args)} failed (exit {exit}): {said}");
    }
}
