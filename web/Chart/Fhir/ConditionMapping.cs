namespace KMN.Orleans.Web.Chart.Fhir;

/// <summary>
/// Diagnoses (病名) on the timeline, the active ones also in the header, and allergies for the header.
/// A condition without a clinical status counts as active: better shown than silently dropped.
/// </summary>
public static class ConditionMapping
{
    private static readonly HashSet<string> Inactive = ["inactive", "remission", "resolved"];
    private static readonly HashSet<string> NotTrue = ["refuted", "entered-in-error"];

    public static void Map(MappingContext context)
    {
        foreach (var r in context.Set.OfType("Condition"))
        {
            if (r.Root.Text("verificationStatus.coding.code") is { } v && NotTrue.Contains(v))
                continue;
            var name = r.Root.Get("code").ConceptText() ?? "";
            var onset = ChartDate.FirstOf([r.Root.Text("onsetDateTime"), r.Root.Text("onsetPeriod.start"), r.Root.Text("recordedDate")]);
            var status = r.Root.Text("clinicalStatus.coding.code");
            context.AddTimeline(r, onset, ChartCategory.Diagnosis, name, status);
            if (status is null || !Inactive.Contains(status))
                context.Problems.Add(new ProblemEntry(name, onset, context.FacilityOf(r), r.Ref));
        }

        foreach (var r in context.Set.OfType("AllergyIntolerance"))
        {
            if (r.Root.Text("verificationStatus.coding.code") is { } v && NotTrue.Contains(v))
                continue;
            var substance = r.Root.Get("code").ConceptText() ?? r.Root.Text("reaction.substance.text") ?? "";
            var recorded = ChartDate.FirstOf([r.Root.Text("onsetDateTime"), r.Root.Text("recordedDate")]);
            context.Allergies.Add(new AllergyEntry(substance, r.Root.Text("criticality"), context.FacilityOf(r), r.Ref));
            context.AddTimeline(r, recorded, ChartCategory.Allergy, substance, r.Root.Text("reaction.manifestation.text")
                ?? r.Root.Get("reaction.manifestation").ConceptText());
        }
    }
}
