using KMN.Orleans.FhirTests.Infrastructure;
using KMN.Orleans.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace KMN.Orleans.FhirTests.Upload;

/// <summary>The bulk loader (deploy/import.sh runs the same program) imports the Synthea folder and says so.</summary>
[Collection(FhirNetworkCollection.Name)]
public sealed class BulkImportTests(FhirNetworkFixture network, ITestOutputHelper output)
{
    [Fact]
    public async Task The_loader_imports_every_synthea_bundle_and_prints_a_summary()
    {
        var (cert, key) = network.Pki.WritePem(network.Clinic.Certificate, "clinic");
        var stdout = await ProcessRunner.RunAsync("dotnet",
        [
            RepoLayout.ImportDll, RepoLayout.SyntheaFolder,
            "--url", network.FhirBase, "--cert", cert, "--key", key,
            "--ca", network.Pki.RootPath, "--ca-extra", network.Pki.IssuingPath,
            "--parallel", "4", "--enroll",
        ], timeout: TimeSpan.FromMinutes(5));

        output.WriteLine(stdout.Split('\r').Last());
        Assert.Contains("bundles 42, uploaded 42,", stdout);
        Assert.Contains("errors 0,", stdout);
        Assert.Contains("resources/s", stdout);
    }
}
