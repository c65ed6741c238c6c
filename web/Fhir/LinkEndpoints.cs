using System.Text.Json.Nodes;
using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// POST /fhir/Patient/{id}/$link and $unlink: the calling facility links (or unlinks) its own chart number to an
/// existing network patient. A Parameters body names the chart number, who performs it and why; all recorded.
/// </summary>
public static class LinkEndpoints
{
    public static Task<IResult> LinkAsync(HttpContext context, string id, ICallerFacilityResolver callers, IGrainFactory grains) =>
        HandleAsync(context, id, callers, grains, unlink: false);

    public static Task<IResult> UnlinkAsync(HttpContext context, string id, ICallerFacilityResolver callers, IGrainFactory grains) =>
        HandleAsync(context, id, callers, grains, unlink: true);

    private static async Task<IResult> HandleAsync(HttpContext context, string id, ICallerFacilityResolver callers,
        IGrainFactory grains, bool unlink)
    {
        var caller = await callers.ResolveAsync(context, upload: false);
        if (caller.Facility is not { } facility)
            return FhirResults.Problem(caller.Status, caller.Status == 401 ? "login" : "forbidden", caller.Problem!);
        using var body = await RequestBody.ReadAsync(context, 1024 * 1024);
        JsonNode? parameters = null;
        try
        {
            parameters = body is null ? null : JsonNode.Parse(body.Memory.Span);
        }
        catch (System.Text.Json.JsonException)
        {
            // answered below as a missing parameter
        }
        var (chart, performer, reason) = (Value(parameters, "chartNumber"), Value(parameters, "performer"), Value(parameters, "reason"));
        if ((string?)parameters?["resourceType"] != "Parameters" || chart is null || performer is null || reason is null)
            return FhirResults.Problem(400, "required",
                "Parameters に chartNumber (カルテ番号), performer (実施者), reason (理由) の valueString が必要です。");

        var link = new ChartLink(facility.Code, new BusinessIdentifier(LogicalIds.ChartSystem(facility.Code), chart), id, performer, reason);
        var ingest = grains.GetGrain<IClinicalIngestGrain>(0);
        var result = unlink ? await ingest.UnlinkChartAsync(link) : await ingest.LinkChartAsync(link);
        return result switch
        {
            ChartLinkResult.Linked or ChartLinkResult.AlreadyLinked or ChartLinkResult.Unlinked => FhirResults.Outcome(200,
                new FhirIssue("informational", $"カルテ番号 {chart} ({facility.Code}): {result}", Detail: result.ToString(), Severity: "information")),
            ChartLinkResult.PatientNotFound => FhirResults.Problem(404, "not-found", $"ネットワーク患者 {id} が見つかりません。"),
            ChartLinkResult.LinkedToAnotherPatient => FhirResults.Problem(409, "conflict",
                $"カルテ番号 {chart} は別の患者に紐づいています。先に解除 ($unlink) してください。", "chart-linked-elsewhere"),
            _ => FhirResults.Problem(409, "conflict", $"カルテ番号 {chart} はこの患者に紐づいていません。", "not-linked"),
        };
    }

    private static string? Value(JsonNode? parameters, string name) =>
        (parameters?["parameter"] as JsonArray)?.FirstOrDefault(p => (string?)p?["name"] == name)?["valueString"]?.GetValue<string>() is { Length: > 0 } v
            ? v : null;
}
