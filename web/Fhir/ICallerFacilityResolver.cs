namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// Who is calling the FHIR API. Today: the facility of the TLS client certificate. The seam stays so issue 3's
/// PKI (revocation, user cards) can replace the implementation without touching the endpoints.
/// </summary>
public interface ICallerFacilityResolver
{
    Task<CallerResult> ResolveAsync(HttpContext context, bool upload);
}

public sealed record CallerFacility(string Code, string Name, bool ProvidesData);

/// <summary>Either a facility, or the HTTP status and message to refuse with.</summary>
public sealed record CallerResult(CallerFacility? Facility, int Status, string? Problem)
{
    public static CallerResult Allowed(CallerFacility facility) => new(facility, StatusCodes.Status200OK, null);
    public static CallerResult Refused(int status, string problem) => new(null, status, problem);
}
