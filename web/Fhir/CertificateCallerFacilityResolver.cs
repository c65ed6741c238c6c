using System.Security.Cryptography.X509Certificates;
using KMN.Orleans.Grains.Abstractions.Facilities;
using Microsoft.AspNetCore.Connections.Features;

namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// The caller is the facility named by the client certificate's SERIALNUMBER; the facility grain (the truth,
/// not the directory projection) must say it is Active, and for uploads that it provides data.
/// </summary>
public sealed class CertificateCallerFacilityResolver(FacilityCertificateValidator validator, IGrainFactory grains)
    : ICallerFacilityResolver
{
    public async Task<CallerResult> ResolveAsync(HttpContext context, bool upload)
    {
        var certificate = await context.Connection.GetClientCertificateAsync(context.RequestAborted);
        if (certificate is null)
            return CallerResult.Refused(StatusCodes.Status401Unauthorized, "施設のクライアント証明書が必要です。");
        var (code, problem) = Validated(context, certificate);
        if (code is null)
            return CallerResult.Refused(StatusCodes.Status401Unauthorized, problem!);

        var profile = await grains.GetGrain<IFacilityGrain>(code).GetProfileAsync();
        if (profile is null)
            return CallerResult.Refused(StatusCodes.Status403Forbidden, $"施設 {code} はネットワークに登録されていません。");
        if (profile.Status != FacilityStatus.Active)
            return CallerResult.Refused(StatusCodes.Status403Forbidden, $"施設 {code} は有効ではありません ({profile.Status})。");
        if (upload && !profile.ProvidesData)
            return CallerResult.Refused(StatusCodes.Status403Forbidden, $"施設 {code} は閲覧専用のため、診療情報を登録できません。");
        return CallerResult.Allowed(new CallerFacility(code, profile.Name, profile.ProvidesData));
    }

    /// <summary>
    /// The certificate's chain is built once per TLS connection, not on every request of a keep-alive connection
    /// (a bulk upload sends hundreds): the certificate cannot change within the connection. The facility's status
    /// is still asked on every request.
    /// </summary>
    private (string? Code, string? Problem) Validated(HttpContext context, X509Certificate2 certificate)
    {
        var items = context.Features.Get<IConnectionItemsFeature>()?.Items;
        if (items?.TryGetValue(typeof(CertificateCallerFacilityResolver), out var cached) == true && cached is ValidatedCertificate hit
            && ReferenceEquals(hit.Certificate, certificate))
            return (hit.Code, hit.Problem);
        var (code, problem) = validator.Validate(certificate);
        if (items is not null)
            items[typeof(CertificateCallerFacilityResolver)] = new ValidatedCertificate(certificate, code, problem);
        return (code, problem);
    }

    private sealed record ValidatedCertificate(X509Certificate2 Certificate, string? Code, string? Problem);
}
