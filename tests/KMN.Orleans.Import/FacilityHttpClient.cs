using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace KMN.Orleans.Import;

/// <summary>An HttpClient presenting a facility certificate (PEM) and trusting only the network root for the server.</summary>
public static class FacilityHttpClient
{
    public static HttpClient Create(Uri fhirBase, X509Certificate2 facility, X509Certificate2Collection trust, X509Certificate2Collection extra)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 64,
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = [facility],
                LocalCertificateSelectionCallback = (_, _, _, _, _) => facility,
                RemoteCertificateValidationCallback = (_, server, _, _) => server is not null && ChainsTo(new X509Certificate2(server), trust, extra),
            },
        };
        return new HttpClient(handler) { BaseAddress = fhirBase, Timeout = TimeSpan.FromMinutes(10) };
    }

    /// <summary>PEM certificate and key → a certificate the TLS stack can use for client authentication.</summary>
    public static X509Certificate2 LoadFacility(string certificatePath, string keyPath)
    {
        using var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    private static bool ChainsTo(X509Certificate2 server, X509Certificate2Collection trust, X509Certificate2Collection extra)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trust);
        chain.ChainPolicy.ExtraStore.AddRange(extra);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(server);
    }
}
