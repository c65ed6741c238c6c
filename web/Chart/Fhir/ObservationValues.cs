using System.Text.Json;
using KMN.Orleans.Web.Chart.Labs;

namespace KMN.Orleans.Web.Chart.Fhir;

/// <summary>Reads the parts of an Observation every view needs: name, value, range and H/L flag.</summary>
public static class ObservationValues
{
    private static readonly HashSet<string> HighCodes = ["H", "HH", "HU", ">"];
    private static readonly HashSet<string> LowCodes = ["L", "LL", "LU", "<"];
    private static readonly HashSet<string> AbnormalCodes = ["A", "AA"];

    public static ChartDate DateOf(JsonElement o) =>
        ChartDate.FirstOf([o.Text("effectiveDateTime"), o.Text("effectivePeriod.start"), o.Text("effectiveInstant"), o.Text("issued")]);

    public static LabResult ToLab(MappingContext context, ParsedResource r)
    {
        var o = r.Root;
        var name = o.Get("code").ConceptText() ?? "";
        var codings = o.Get("code").Codings().ToList();
        var quantity = o.Get("valueQuantity");
        var value = quantity.Number("value");
        var unit = quantity.Text("unit") ?? quantity.Text("code");
        var range = Range(o.Get("referenceRange"));
        var text = o.Text("valueString") ?? o.Get("valueCodeableConcept").ConceptText();
        return new LabResult(LabCatalog.KeyFor(codings, name, unit), name, value, text, unit, range,
            Flag(o, value, range), context.FacilityOf(r), DateOf(o), r.Ref);
    }

    public static bool IsNumeric(JsonElement o) => o.Number("valueQuantity.value") is not null;

    /// <summary>Interpretation codes (or text) as the facility flagged them, else computed from the range.</summary>
    public static LabFlag Flag(JsonElement o, decimal? value, ReferenceRange? range)
    {
        var interpretation = o.Get("interpretation");
        var codes = interpretation.Codings().Select(c => c.Code).Append(interpretation.Text("text")).OfType<string>().ToList();
        if (codes.Any(HighCodes.Contains))
            return LabFlag.High;
        if (codes.Any(LowCodes.Contains))
            return LabFlag.Low;
        if (codes.Any(AbnormalCodes.Contains))
            return LabFlag.Abnormal;
        if (value is { } v && range is not null)
        {
            if (range.High is { } high && v > high)
                return LabFlag.High;
            if (range.Low is { } low && v < low)
                return LabFlag.Low;
        }
        return LabFlag.None;
    }

    private static ReferenceRange? Range(JsonElement range)
    {
        if (range.ValueKind != JsonValueKind.Object)
            return null;
        var result = new ReferenceRange(range.Number("low.value"), range.Number("high.value"), range.Text("text"));
        return result.HasBounds || result.Text is not null ? result : null;
    }

    /// <summary>Whether a resource's categories (or its code) say 健診: a health checkup rather than care.</summary>
    public static bool IsCheckup(JsonElement resource)
    {
        var categories = resource.Items("category").ToList();
        if (categories.SelectMany(c => c.Codings()).Any(c => CheckupCodes.Contains(c.Code)))
            return true;
        var words = categories.Select(c => c.ConceptText()).Append(resource.Get("code").ConceptText()).OfType<string>();
        return words.Any(w => w.Contains("健診", StringComparison.Ordinal) || w.Contains("健康診断", StringComparison.Ordinal));
    }

    private static readonly HashSet<string> CheckupCodes = ["checkup", "health-checkup", "specific-health-checkup", "medical-checkup"];
}
