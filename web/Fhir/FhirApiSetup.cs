using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// Wires the FHIR API: its own HTTPS endpoint that requires a facility client certificate (FhirApi:Url)
/// and the services behind the endpoints.
/// </summary>
public static class FhirApiSetup
{
    public static WebApplicationBuilder AddKmnFhirApi(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<FhirApiOptions>(builder.Configuration.GetSection(FhirApiOptions.Section));
        builder.Services.Configure<PkiOptions>(builder.Configuration.GetSection(PkiOptions.Section));
        builder.Services.AddSingleton<FacilityCertificateValidator>();
        builder.Services.AddSingleton<ICallerFacilityResolver, CertificateCallerFacilityResolver>();
        builder.Services.AddSingleton<ResourceValidator>();
        builder.Services.AddSingleton<IBundleLookups, GrainBundleLookups>();
        builder.Services.AddSingleton<BundlePreparer>();

        var api = builder.Configuration.GetSection(FhirApiOptions.Section).Get<FhirApiOptions>() ?? new FhirApiOptions();
        if (string.IsNullOrWhiteSpace(api.Url))
            return builder;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // The portal's listeners (Urls, Portal:Url) are added by Hosting/PortalListeners.
            Listen(kestrel, new Uri(api.Url), listen => listen.UseHttps(https =>
            {
                var certificatePath = Required(api.CertificatePath, "FhirApi:CertificatePath");
                https.ServerCertificate = X509Certificate2.CreateFromPemFile(certificatePath, Required(api.KeyPath, "FhirApi:KeyPath"));
                // Send the issuing CA with the leaf (the PEM file holds both): clients trust only the network root.
                var serverChain = new X509Certificate2Collection();
                serverChain.ImportFromPemFile(certificatePath);
                https.ServerCertificateChain = serverChain;
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                // Decide trust ourselves (network root only); the system store knows nothing of the network CA.
                var validator = listen.ApplicationServices.GetRequiredService<FacilityCertificateValidator>();
                https.ClientCertificateValidation = (certificate, chain, _) => validator.Validate(certificate, chain).FacilityCode is not null;
            }));
        });
        return builder;
    }

    public static WebApplication MapKmnFhirApi(this WebApplication app)
    {
        var started = DateTimeOffset.Now;
        // Build the R4 shape table off the request path, so the first upload does not wait for it.
        _ = Task.Run(() => Shapes.R4Shapes.Instance);
        var fhir = app.MapGroup("/fhir").AddEndpointFilter<FhirErrorFilter>().DisableAntiforgery();
        fhir.MapGet("/metadata", (HttpContext c) =>
            FhirResults.Json(200, w => CapabilityStatementWriter.Write(w, $"{c.Request.Scheme}://{c.Request.Host}/fhir", started)));
        fhir.MapPost("/", UploadEndpoint.HandleAsync);
        fhir.MapGet("/Patient/{id}/$everything", ReadEndpoints.EverythingAsync);
        fhir.MapPost("/Patient/{id}/$link", LinkEndpoints.LinkAsync);
        fhir.MapPost("/Patient/{id}/$unlink", LinkEndpoints.UnlinkAsync);
        fhir.MapGet("/Observation", ReadEndpoints.SearchObservationsAsync);
        fhir.MapGet("/{type}/{id}", ReadEndpoints.ReadAsync);
        fhir.MapGet("/{type}/{id}/_history", ReadEndpoints.HistoryAsync);
        fhir.MapGet("/{type}/{id}/_history/{vid}", ReadEndpoints.VersionAsync);
        return app;
    }

    private static void Listen(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel, Uri url,
        Action<Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions> configure)
    {
        if (url.Host == "localhost")
            kestrel.ListenLocalhost(url.Port, configure);
        else
            kestrel.Listen(IPAddress.Parse(url.Host), url.Port, configure);
    }

    private static string Required(string? value, string key) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidOperationException($"{key} is required when FhirApi:Url is set.") : value;
}
