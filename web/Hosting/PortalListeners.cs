using System.Net;
using System.Security.Cryptography.X509Certificates;
using KMN.Orleans.Web.Fhir;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace KMN.Orleans.Web.Hosting;

/// <summary>
/// Every Kestrel listener except the FHIR API's (FhirApiSetup adds that one): the plain <c>Urls</c>
/// (loopback health for scripts and probes) and the portal's HTTPS endpoint, which asks for a card.
/// Listening in code replaces the <c>Urls</c> setting, so the plain addresses are re-added here.
/// </summary>
public static class PortalListeners
{
    public static WebApplicationBuilder AddKmnListeners(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<PortalOptions>(builder.Configuration.GetSection(PortalOptions.Section));
        var portal = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        var fhirUrl = builder.Configuration.GetSection(FhirApiOptions.Section).Get<FhirApiOptions>()?.Url;
        builder.Services.AddSingleton(new ListenerRoles(portal.HttpsUri, string.IsNullOrWhiteSpace(fhirUrl) ? null : new Uri(fhirUrl).Port));

        var plainUrls = (builder.Configuration["Urls"] ?? "http://127.0.0.1:5080")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // Taken over here: left set, Kestrel would warn on every start that code overrides it.
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, "");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var url in plainUrls)
                Listen(kestrel, PlainUri(url), _ => { });
            if (portal.HttpsUri is { } https)
                Listen(kestrel, https, listen => listen.UseHttps(tls => AskForCard(tls, portal)));
        });
        return builder;
    }

    // AllowCertificate, not Require: a missing, expired or revoked card must reach the sign-in page and get
    // a Japanese message there, not a browser TLS error (docs/adr/0008). Trust is decided per request by
    // CardCertificateValidator, so the handshake accepts any certificate and never goes online for revocation.
    private static void AskForCard(HttpsConnectionAdapterOptions tls, PortalOptions portal)
    {
        var certificatePath = Required(portal.CertificatePath, "Portal:CertificatePath");
        tls.ServerCertificate = X509Certificate2.CreateFromPemFile(certificatePath, Required(portal.KeyPath, "Portal:KeyPath"));
        var chain = new X509Certificate2Collection();
        chain.ImportFromPemFile(certificatePath);
        tls.ServerCertificateChain = chain; // browsers then need to trust only the network root
        tls.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
        tls.AllowAnyClientCertificate();
        tls.CheckCertificateRevocation = false;
        // A resumed TLS session may come without the client certificate; every connection must show the card.
        tls.OnAuthenticate = (_, ssl) => ssl.AllowTlsResume = false;
    }

    private static Uri PlainUri(string url)
    {
        var uri = new Uri(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal));
        return uri.Scheme == Uri.UriSchemeHttp
            ? uri
            : throw new InvalidOperationException($"Urls ({url}) is for plain HTTP only; the portal's HTTPS address is Portal:Url.");
    }

    private static void Listen(KestrelServerOptions kestrel, Uri url, Action<ListenOptions> configure)
    {
        if (url.Host == "localhost")
            kestrel.ListenLocalhost(url.Port, configure);
        else
            kestrel.Listen(IPAddress.Parse(url.Host), url.Port, configure);
    }

    private static string Required(string? value, string key) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidOperationException($"{key} is required when Portal:Url is set.") : value;
}
