using KMN.Orleans.Grains.Abstractions.Records;
using Microsoft.Extensions.Options;

namespace KMN.Orleans.Web.Fhir;

/// <summary>POST /fhir: a transaction (all or nothing) or batch (per entry) Bundle from a data-providing facility.</summary>
public static class UploadEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, ICallerFacilityResolver callers,
        BundlePreparer preparer, IGrainFactory grains, IOptions<FhirApiOptions> options)
    {
        var caller = await callers.ResolveAsync(context, upload: true);
        if (caller.Facility is not { } facility)
            return FhirResults.Problem(caller.Status, caller.Status == 401 ? "login" : "forbidden", caller.Problem!);
        if (ContentTypeProblem(context.Request.ContentType) is { } problem)
            return FhirResults.Problem(StatusCodes.Status415UnsupportedMediaType, "not-supported", problem);

        using var body = await RequestBody.ReadAsync(context, options.Value.MaxBundleBytes);
        if (body is null)
            return FhirResults.Problem(StatusCodes.Status413PayloadTooLarge, "too-long",
                $"バンドルが上限 {options.Value.MaxBundleBytes / (1024 * 1024)} MB を超えています。");

        // Disposed before the body (reverse order): the parsed document points into the body's pooled buffer.
        using var bundle = await preparer.PrepareAsync(body.Memory, facility.Code);
        if (bundle.BundleIssues.Count > 0 || (bundle.IsTransaction && bundle.AllIssues.Any()))
        {
            var issues = bundle.AllIssues.ToList();
            var businessOnly = issues.All(i => i.Code is "business-rule" or "not-found");
            return FhirResults.Outcome(businessOnly ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest, issues);
        }
        FailEntriesOfBrokenPatient(bundle);

        var request = new UploadRequest(Guid.NewGuid(), facility.Code, bundle.PatientChart,
            [.. bundle.Entries.Where(e => e.Prepared is not null && e.Issues.Count == 0).Select(e => e.Prepared!)],
            [.. bundle.Consents]);
        var result = await grains.GetGrain<IClinicalIngestGrain>(0).UploadAsync(request);
        return result.Status switch
        {
            UploadStatus.ConsentRequired => FhirResults.Problem(StatusCodes.Status422UnprocessableEntity, "business-rule",
                result.Message!, "consent-required"),
            UploadStatus.Conflict => FhirResults.Problem(StatusCodes.Status409Conflict, "conflict", result.Message!),
            _ => FhirResults.Json(StatusCodes.Status200OK, w => UploadResponseWriter.Write(w, bundle, result)),
        };
    }

    /// <summary>In a batch, entries about a patient whose Patient entry failed cannot be filed under anyone.</summary>
    private static void FailEntriesOfBrokenPatient(PreparedBundle bundle)
    {
        if (bundle.PatientChart is not null && !bundle.Entries.Any(e => e.Type == "Patient" && e.Issues.Count > 0))
            return;
        foreach (var entry in bundle.Entries.Where(e => e.PatientBound && e.Issues.Count == 0))
            entry.Issues.Add(FhirIssue.AtEntry(entry.Index, "business-rule", "患者 (Patient) のエントリが不正なため登録できません。"));
    }

    private static string? ContentTypeProblem(string? contentType)
    {
        if (contentType is null || !(contentType.Contains("application/fhir+json", StringComparison.OrdinalIgnoreCase)
                                     || contentType.Contains("application/json", StringComparison.OrdinalIgnoreCase)))
            return "Content-Type は application/fhir+json です。";
        var version = contentType.Split(';').Select(p => p.Trim())
            .FirstOrDefault(p => p.StartsWith("fhirVersion=", StringComparison.OrdinalIgnoreCase));
        return version is not null && !version["fhirVersion=".Length..].StartsWith("4.0", StringComparison.Ordinal)
            ? $"FHIR R4 (4.0) だけを受け付けます ({version})。"
            : null;
    }
}
