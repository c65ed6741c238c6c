using System.Collections.Immutable;
using System.Globalization;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// The read API. The caller is the facility's system (its client certificate names no person): the reader grain
/// decides access for it (its own uploads, plus what consent and the sources' disclosure allow), writes the
/// audit row, and returns only what the caller may see.
/// </summary>
public static class ReadEndpoints
{
    private const int DefaultCount = 100;
    private const int MaxCount = 1000;

    public static async Task<IResult> EverythingAsync(HttpContext context, string id, ICallerFacilityResolver callers, IGrainFactory grains)
    {
        if (await CallerAsync(context, callers) is not { } caller)
            return Refusal(context);
        var q = context.Request.Query;
        if (!TryPaging(q, out var count, out var offset, out var pagingProblem))
            return FhirResults.Problem(400, "invalid", pagingProblem!);
        DateTimeOffset? since = null;
        if (q["_since"].ToString() is { Length: > 0 } sinceText && (since = FhirDates.Parse(sinceText)) is null)
            return FhirResults.Problem(400, "invalid", $"_since が日時ではありません: {sinceText}");
        var types = q["_type"].SelectMany(t => (t ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToImmutableArray();
        if (types.FirstOrDefault(t => !ResourceValidator.IsKnownType(t)) is { } unknown)
            return FhirResults.Problem(400, "not-supported", $"_type に R4 にないリソース種別があります: {unknown}");

        var page = await Reader(grains).EverythingAsync(new EverythingQuery(AccessCaller.FacilitySystem(caller.Code), id, since, types, count, offset));
        return PageResult(context, page, count, offset);
    }

    public static async Task<IResult> SearchObservationsAsync(HttpContext context, ICallerFacilityResolver callers, IGrainFactory grains)
    {
        if (await CallerAsync(context, callers) is not { } caller)
            return Refusal(context);
        var q = context.Request.Query;
        var patient = q["patient"].ToString().Replace("Patient/", "", StringComparison.Ordinal);
        if (patient.Length == 0)
            return FhirResults.Problem(400, "required", "patient パラメータが必要です。");
        if (!TryPaging(q, out var count, out var offset, out var pagingProblem))
            return FhirResults.Problem(400, "invalid", pagingProblem!);
        var code = q["code"].ToString();
        var (system, value) = code.Contains('|') ? (code[..code.IndexOf('|')], code[(code.IndexOf('|') + 1)..]) : (null, code);
        if (!DateRange.TryParse(q["date"], out var from, out var to, out var dateProblem))
            return FhirResults.Problem(400, "invalid", dateProblem!);
        // category: a token (laboratory, or system|code); the index keeps the first category's code.
        var category = q["category"].ToString() is { Length: > 0 } c ? c[(c.IndexOf('|') + 1)..] : null;
        var page = await Reader(grains).SearchObservationsAsync(new ObservationQuery(AccessCaller.FacilitySystem(caller.Code), patient,
            string.IsNullOrEmpty(system) ? null : system, value.Length == 0 ? null : value, from, to, count, offset, category));
        return PageResult(context, page, count, offset);
    }

    public static async Task<IResult> ReadAsync(HttpContext context, string type, string id, ICallerFacilityResolver callers,
        IGrainFactory grains) => await ReadOrHistoryAsync(context, type, id, history: false, callers, grains);

    public static async Task<IResult> HistoryAsync(HttpContext context, string type, string id, ICallerFacilityResolver callers,
        IGrainFactory grains) => await ReadOrHistoryAsync(context, type, id, history: true, callers, grains);

    /// <summary>vread: one version, taken from the history the caller may see (same consent check, filters and audit).</summary>
    public static async Task<IResult> VersionAsync(HttpContext context, string type, string id, string vid,
        ICallerFacilityResolver callers, IGrainFactory grains)
    {
        if (await CallerAsync(context, callers) is not { } caller)
            return Refusal(context);
        if (!ResourceValidator.IsKnownType(type))
            return FhirResults.Problem(404, "not-supported", $"R4 にないリソース種別です: {type}");
        if (!int.TryParse(vid, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
            return FhirResults.Problem(404, "not-found", $"版の指定が不正です: {vid}");
        var page = await Reader(grains).ReadAsync(AccessCaller.FacilitySystem(caller.Code), type, id, history: true);
        if (Denied(page) is { } denied)
            return denied;
        if (page.Resources.FirstOrDefault(r => r.Version == version) is not { } found)
            return FhirResults.Problem(404, "not-found", $"{type}/{id} に版 {version} はありません。");
        return FhirResults.Json(200, w => BundleWriter.WriteResource(w, found),
            new Dictionary<string, string> { ["ETag"] = BundleWriter.ETag(found.Version) });
    }

    private static async Task<IResult> ReadOrHistoryAsync(HttpContext context, string type, string id, bool history,
        ICallerFacilityResolver callers, IGrainFactory grains)
    {
        if (await CallerAsync(context, callers) is not { } caller)
            return Refusal(context);
        if (!ResourceValidator.IsKnownType(type))
            return FhirResults.Problem(404, "not-supported", $"R4 にないリソース種別です: {type}");
        var page = await Reader(grains).ReadAsync(AccessCaller.FacilitySystem(caller.Code), type, id, history);
        if (Denied(page) is { } denied)
            return denied;
        if (history)
            return FhirResults.Json(200, w => BundleWriter.WriteSet(w, "history", BaseUrl(context), page.Resources, page.Total, []));
        var current = page.Resources[0];
        return FhirResults.Json(200, w => BundleWriter.WriteResource(w, current),
            new Dictionary<string, string> { ["ETag"] = BundleWriter.ETag(current.Version) });
    }

    private static IResult PageResult(HttpContext context, RecordPage page, int count, int offset)
    {
        if (Denied(page) is { } denied)
            return denied;
        var links = new List<BundleWriter.Link> { new("self", PageUrl(context, count, offset)) };
        if (offset + page.Resources.Length < page.Total)
            links.Add(new("next", PageUrl(context, count, offset + count)));
        if (offset > 0)
            links.Add(new("previous", PageUrl(context, count, Math.Max(0, offset - count))));
        return FhirResults.Json(200, w => BundleWriter.WriteSet(w, "searchset", BaseUrl(context), page.Resources, page.Total, links));
    }

    private static IResult? Denied(RecordPage page) => page.Status switch
    {
        ReadStatus.NotFound => FhirResults.Problem(404, "not-found", "見つかりません。"),
        ReadStatus.Forbidden => page.DeniedBecause is not { } reason || reason.IsConsent()
            ? FhirResults.Problem(403, "forbidden", $"この患者の同意の範囲外です ({(page.DeniedBecause ?? AccessReason.OutsideConsent).Japanese()})。", "consent-not-permitted")
            : FhirResults.Problem(403, "forbidden", $"閲覧できません: {reason.Japanese()}。", DeniedCode(reason)),
        _ => null,
    };

    private static string DeniedCode(AccessReason reason) => reason switch
    {
        AccessReason.FacilityInactive => "facility-inactive",
        AccessReason.RoleNotPermitted => "role-not-permitted",
        AccessReason.NotDisclosed => "not-disclosed",
        _ => "not-permitted",
    };

    private static bool TryPaging(IQueryCollection q, out int count, out int offset, out string? problem)
    {
        (count, offset, problem) = (DefaultCount, 0, null);
        if (q["_count"].ToString() is { Length: > 0 } c && (!int.TryParse(c, CultureInfo.InvariantCulture, out count) || count < 1))
            problem = $"_count が不正です: {c}";
        if (q["_offset"].ToString() is { Length: > 0 } o && (!int.TryParse(o, CultureInfo.InvariantCulture, out offset) || offset < 0))
            problem = $"_offset が不正です: {o}";
        count = Math.Min(count, MaxCount);
        return problem is null;
    }

    private static string PageUrl(HttpContext context, int count, int offset)
    {
        var query = context.Request.Query.Where(p => p.Key is not ("_count" or "_offset"))
            .SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? "")}"))
            .Append($"_count={count}").Append($"_offset={offset}");
        return $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}?{string.Join('&', query)}";
    }

    private static string BaseUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}/fhir";

    private static IClinicalReaderGrain Reader(IGrainFactory grains) => grains.GetGrain<IClinicalReaderGrain>(0);

    private static async Task<CallerFacility?> CallerAsync(HttpContext context, ICallerFacilityResolver callers)
    {
        var result = await callers.ResolveAsync(context, upload: false);
        context.Items[typeof(CallerResult)] = result;
        return result.Facility;
    }

    private static IResult Refusal(HttpContext context)
    {
        var result = (CallerResult)context.Items[typeof(CallerResult)]!;
        return FhirResults.Problem(result.Status, result.Status == 401 ? "login" : "forbidden", result.Problem!);
    }
}
