namespace KMN.Orleans.Web.Hosting;

/// <summary>
/// What each listener is for, told apart by local port: the portal's HTTPS endpoint (people with cards),
/// the FHIR API's (facility systems), and the plain loopback HTTP ones (health probes).
/// </summary>
public sealed record ListenerRoles(Uri? PortalHttps, int? FhirPort)
{
    public bool IsFhir(HttpContext http) => FhirPort == http.Connection.LocalPort;

    /// <summary>Plain HTTP while an HTTPS portal exists: a probe port, not a place to sign in.</summary>
    public bool IsProbeOnly(HttpContext http) => PortalHttps is not null && !http.Request.IsHttps;
}
