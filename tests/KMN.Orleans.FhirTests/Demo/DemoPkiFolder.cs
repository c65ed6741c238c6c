using System.Security.Cryptography.X509Certificates;
using KMN.Orleans.FhirTests.Infrastructure;
using Npgsql;

namespace KMN.Orleans.FhirTests.Demo;

/// <summary>
/// A PKI folder laid out as deploy/up.sh makes it (network root and issuing CA, facilities/&lt;code&gt;.crt.pem and
/// .key.pem), with a test certificate for every data-providing demo facility, for the demo loader to use.
/// </summary>
public sealed class DemoPkiFolder : IDisposable
{
    private DemoPkiFolder(string folder, IReadOnlyDictionary<string, X509Certificate2> facilities) =>
        (Folder, Facilities) = (folder, facilities);

    public string Folder { get; }
    public IReadOnlyDictionary<string, X509Certificate2> Facilities { get; }

    public static async Task<DemoPkiFolder> CreateAsync(FhirNetworkFixture network)
    {
        var folder = Path.Combine(Path.GetTempPath(), "kmn-demo-pki-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(folder, "facilities"));
        File.Copy(network.Pki.RootPath, Path.Combine(folder, "network-root-ca.crt.pem"));
        File.Copy(network.Pki.IssuingPath, Path.Combine(folder, "network-issuing-ca.crt.pem"));
        var facilities = new Dictionary<string, X509Certificate2>();
        foreach (var (code, name) in await ProvidersAsync(network.ConnectionString))
        {
            var certificate = network.Pki.Facility(name, code);
            File.WriteAllText(Path.Combine(folder, "facilities", code + ".crt.pem"), certificate.ExportCertificatePem());
            File.WriteAllText(Path.Combine(folder, "facilities", code + ".key.pem"), certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
            facilities[code] = certificate;
        }
        return new DemoPkiFolder(folder, facilities);
    }

    private static async Task<List<(string Code, string Name)>> ProvidersAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT code, name FROM kmn_facility_directory WHERE provides_data ORDER BY code", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<(string, string)>();
        while (await reader.ReadAsync())
            result.Add((reader.GetString(0), reader.GetString(1)));
        return result;
    }

    public void Dispose()
    {
        foreach (var certificate in Facilities.Values)
            certificate.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
