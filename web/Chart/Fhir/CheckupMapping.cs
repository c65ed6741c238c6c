using System.Text.Json;
using KMN.Orleans.Web.Chart.Checkups;
using KMN.Orleans.Web.Chart.Labs;

namespace KMN.Orleans.Web.Chart.Fhir;

/// <summary>
/// Health checkups (健診). A checkup DiagnosticReport carries the items as results, the overall judgement (A–E)
/// as its conclusionCode and the doctor's comment as its conclusion. Checkup observations no report claims are
/// gathered per year and facility, without an overall judgement.
/// </summary>
public static class CheckupMapping
{
    public static void Map(MappingContext context)
    {
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in context.Set.OfType("DiagnosticReport").Where(r => ObservationValues.IsCheckup(r.Root)))
        {
            var observations = r.Root.Items("result").Select(x => context.Set.Resolve(x.Text("reference")))
                .OfType<ParsedResource>().Where(o => o.Type == "Observation").ToList();
            claimed.UnionWith(observations.Select(o => o.Ref.ToString()));
            var date = ChartDate.FirstOf([r.Root.Text("effectiveDateTime"), r.Root.Text("effectivePeriod.start"), r.Root.Text("issued")]);
            var overall = Judgements.Parse(r.Root.Text("conclusionCode.coding.code")) ?? Judgements.Parse(r.Root.Text("conclusionCode.text"));
            Add(context, new CheckupYear(date.Day?.Year, date, context.FacilityOf(r), [.. observations.Select(o => Item(o))],
                overall, r.Root.Text("conclusion"), r.Ref));
        }

        var loose = context.Set.OfType("Observation")
            .Where(o => ObservationValues.IsCheckup(o.Root) && !claimed.Contains(o.Ref.ToString()))
            .Select(o => (Resource: o, Date: ObservationValues.DateOf(o.Root), Facility: context.FacilityOf(o)))
            .GroupBy(o => (o.Date.Day?.Year, o.Facility.Key));
        foreach (var year in loose)
        {
            var first = year.OrderBy(o => o.Date.SortKey).First();
            Add(context, new CheckupYear(year.Key.Year, first.Date, first.Facility, [.. year.Select(o => Item(o.Resource))],
                null, null, first.Resource.Ref));
        }
    }

    private static void Add(MappingContext context, CheckupYear checkup)
    {
        context.Checkups.Add(checkup);
        var resource = context.Set.Resolve(checkup.Source.ToString())!;
        context.AddTimeline(resource, checkup.Date, ChartCategory.Checkup, checkup.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            checkup.Overall);
    }

    private static CheckupItem Item(ParsedResource o)
    {
        var root = o.Root;
        var name = root.Get("code").ConceptText() ?? "";
        var codings = root.Get("code").Codings().ToList();
        var key = LabCatalog.Find(codings)?.Id ?? (codings.Count > 0 ? $"{codings[0].System}|{codings[0].Code}" : "name:" + name);
        var numeric = root.Number("valueQuantity.value");
        var unit = root.Text("valueQuantity.unit") ?? root.Text("valueQuantity.code");
        var value = numeric?.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)
            ?? root.Text("valueString") ?? root.Get("valueCodeableConcept").ConceptText();
        return new CheckupItem(key, name, value, numeric, unit, Judgement(root.Get("interpretation")), o.Ref);
    }

    private static string? Judgement(JsonElement interpretation) =>
        interpretation.Codings().Select(c => Judgements.Parse(c.Code)).FirstOrDefault(j => j is not null)
        ?? Judgements.Parse(interpretation.Text("text"));
}
