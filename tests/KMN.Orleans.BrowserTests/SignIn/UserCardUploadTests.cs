using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using KMN.Orleans.BrowserTests.Infrastructure;
using Xunit;

namespace KMN.Orleans.BrowserTests.SignIn;

/// <summary>
/// Cards are for people in the portal, facility certificates for systems uploading: a person's card never
/// reaches the FHIR upload API, neither on the API's own endpoint nor through the portal's.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UserCardUploadTests(KmnNetworkFixture network)
{
    [Fact]
    public async Task The_facility_certificate_reaches_the_FHIR_API()
    {
        using var http = Client(network.Cards.Facility);
        using var response = await http.GetAsync(network.FhirBaseUrl + "/fhir/metadata");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("user card")]
    [InlineData("HPKI card")]
    public async Task A_person_s_card_is_refused_by_the_FHIR_API(string which)
    {
        var card = which == "user card" ? network.Cards.Operator : network.Cards.Physician;
        using var http = Client(card);

        var refused = await Refused(() => http.GetAsync(network.FhirBaseUrl + "/fhir/metadata"));

        Assert.True(refused, $"The FHIR API accepted {card}");
    }

    [Fact]
    public async Task The_portal_does_not_serve_the_FHIR_API_even_to_a_valid_card()
    {
        using var http = Client(network.Cards.Operator);
        using var response = await http.PostAsync(network.WebBaseUrl + "/fhir", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    // The API asks for a facility certificate in the TLS handshake: a card fails there, or at the latest
    // gets 401/403 from the request check.
    private static async Task<bool> Refused(Func<Task<HttpResponseMessage>> call)
    {
        try
        {
            using var response = await call();
            return response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
        }
        catch (HttpRequestException ex) when (ex.InnerException is AuthenticationException or IOException || ex.HttpRequestError is HttpRequestError.SecureConnectionError)
        {
            return true;
        }
    }

    private static HttpClient Client(DemoCard card)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(card.Pkcs12Path, card.Pkcs12Password);
        var handler = new HttpClientHandler
        {
            ClientCertificateOptions = ClientCertificateOption.Manual,
            // The test checks who the server lets in, not the server's own certificate.
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        };
        handler.ClientCertificates.Add(certificate);
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }
}
