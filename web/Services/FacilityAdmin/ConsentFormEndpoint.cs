using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Web.Auth;

namespace KMN.Orleans.Web.Services.FacilityAdmin;

/// <summary>
/// Serves a stored, signed consent form (the scanned original) to the facility's administrator or a network
/// operator. The grain decides and audits; anything it refuses or does not know is a plain 404, so the
/// address does not reveal whether a form exists.
/// </summary>
public static class ConsentFormEndpoint
{
    public const string Path = "/facility-admin/consent-form";

    public static string Link(string facility, string reference) =>
        $"{Path.TrimStart('/')}?facility={Uri.EscapeDataString(facility)}&reference={Uri.EscapeDataString(reference)}";

    public static IEndpointRouteBuilder MapConsentForms(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (string facility, string reference, ICurrentStaff staff, IClusterClient client) =>
        {
            if (await staff.GetAsync() is not { } caller)
                return Results.Unauthorized();
            var form = await client.GetGrain<IFacilityConsentsGrain>(facility).GetFormAsync(caller, reference);
            // Inline, so a browser shows the PDF or image instead of saving it; never cached on a shared machine.
            return form is null
                ? Results.NotFound()
                : Results.File(form.Content, form.ContentType, fileDownloadName: null, lastModified: form.UploadedAt);
        }).RequireAuthorization(KmnPolicies.FacilityAdmin);
        return app;
    }
}
