namespace KMN.Orleans.Web.Hosting;

/// <summary>
/// The portal's HTTPS endpoint ("Portal" section). Browsers present the staff card (a TLS client certificate)
/// here. Without <see cref="Url"/> the portal is served on the plain <c>Urls</c> only, where no card can be
/// presented, so nobody can sign in (a development mode for pages that need no one signed in).
/// </summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>e.g. https://127.0.0.1:8443. The plain <c>Urls</c> then serve /health only.</summary>
    public string? Url { get; set; }

    /// <summary>PEM server certificate (leaf, then its issuing CA) and <see cref="KeyPath"/> its PEM key.</summary>
    public string? CertificatePath { get; set; }
    public string? KeyPath { get; set; }

    public Uri? HttpsUri => string.IsNullOrWhiteSpace(Url) ? null : new Uri(Url);
}
