namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// The FHIR API's own HTTPS endpoint ("FhirApi" section) and the network PKI it trusts ("Pki" section).
/// Without <see cref="Url"/> the API is not served at all, so the portal runs unchanged.
/// </summary>
public sealed class FhirApiOptions
{
    public const string Section = "FhirApi";

    /// <summary>e.g. https://127.0.0.1:5443 — mutual TLS only; the portal's Urls stay as they are.</summary>
    public string? Url { get; set; }

    /// <summary>PEM server certificate (and <see cref="KeyPath"/> its PEM private key) for <see cref="Url"/>.</summary>
    public string? CertificatePath { get; set; }
    public string? KeyPath { get; set; }

    /// <summary>Largest accepted bundle; 50 MB by default.</summary>
    public long MaxBundleBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Largest single string value inside a resource (attachments' base64 data excepted).</summary>
    public int MaxStringLength { get; set; } = 1024 * 1024;
}

/// <summary>The network PKI as issue 3 defines it: a root CA file, optionally the issuing CA(s) beside it.</summary>
public sealed class PkiOptions
{
    public const string Section = "Pki";

    /// <summary>PEM of the network root CA; chains are built against it alone (no system store).</summary>
    public string? RootCertificatePath { get; set; }

    /// <summary>PEM of issuing CA certificates, used when a client does not send its chain.</summary>
    public string? IntermediateCertificatesPath { get; set; }
}
