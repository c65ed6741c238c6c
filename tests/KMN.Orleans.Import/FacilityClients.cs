using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using KMN.Orleans.Grains.Abstractions.Pki;

namespace KMN.Orleans.Import;

/// <summary>
/// One HttpClient per facility, each presenting that facility's certificate from a network PKI folder
/// (<c>facilities/&lt;code&gt;.crt.pem</c> and <c>.key.pem</c>, as deploy/up.sh creates them) and trusting the
/// network root and issuing CA for the server.
/// </summary>
public sealed class FacilityClients(string pkiFolder, Uri fhirBase) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<HttpClient>> _clients = new(StringComparer.Ordinal);
    private readonly X509Certificate2Collection _trust = Load(Path.Combine(pkiFolder, PkiFiles.RootCertificate));
    private readonly X509Certificate2Collection _extra = Load(Path.Combine(pkiFolder, PkiFiles.IssuingCertificate));

    public HttpClient For(string facilityCode) => _clients.GetOrAdd(facilityCode, code => new Lazy<HttpClient>(() =>
    {
        var folder = Path.Combine(pkiFolder, PkiFiles.FacilitiesFolder);
        var certificate = FacilityHttpClient.LoadFacility(Path.Combine(folder, code + ".crt.pem"), Path.Combine(folder, code + ".key.pem"));
        return FacilityHttpClient.Create(fhirBase, certificate, _trust, _extra);
    })).Value;

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
            client.Value.Dispose();
    }

    private static X509Certificate2Collection Load(string path)
    {
        var collection = new X509Certificate2Collection();
        if (File.Exists(path))
            collection.ImportFromPemFile(path);
        return collection;
    }
}
