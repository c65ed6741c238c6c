using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace KMN.Orleans.FhirTests.Infrastructure;

/// <summary>An HttpClient that presents one facility's client certificate and trusts only the network root.</summary>
public sealed class FacilityClient : IDisposable
{
    private readonly HttpClient _http;

    public FacilityClient(string fhirBase, string facilityCode, X509Certificate2 certificate, X509Certificate2 root, X509Certificate2 issuing)
    {
        FacilityCode = facilityCode;
        Certificate = certificate;
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = [certificate],
                // Always offer the facility certificate, whatever CA names the server lists.
                LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate,
                RemoteCertificateValidationCallback = (_, server, _, _) => server is not null && ChainsTo(new X509Certificate2(server), root, issuing),
            },
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri(fhirBase + "/"), Timeout = TimeSpan.FromMinutes(5) };
    }

    public string FacilityCode { get; }
    public X509Certificate2 Certificate { get; }
    public string ChartSystem => "urn:oid:1.2.392.100495.20.3.51.1" + FacilityCode;

    public Task<(int Status, JsonNode? Body)> PostBundleAsync(string json, string contentType = "application/fhir+json") =>
        PostToAsync("", json, contentType);

    public Task<(int Status, JsonNode? Body)> PostAsync(string relative, string json) => PostToAsync(relative, json, "application/fhir+json");

    private async Task<(int Status, JsonNode? Body)> PostToAsync(string relative, string json, string contentType)
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await _http.PostAsync(relative, content);
        return ((int)response.StatusCode, await ReadAsync(response));
    }

    public async Task<(int Status, JsonNode? Body)> GetAsync(string relativeOrAbsolute)
    {
        using var response = await _http.GetAsync(relativeOrAbsolute);
        return ((int)response.StatusCode, await ReadAsync(response));
    }

    private static async Task<JsonNode?> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    private static bool ChainsTo(X509Certificate2 server, X509Certificate2 root, X509Certificate2 issuing)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.ExtraStore.Add(issuing);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(server);
    }

    public void Dispose() => _http.Dispose();
}
