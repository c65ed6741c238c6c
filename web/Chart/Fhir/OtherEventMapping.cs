namespace KMN.Orleans.Web.Chart.Fhir;

/// <summary>Immunizations and procedures: timeline entries only.</summary>
public static class OtherEventMapping
{
    public static void Map(MappingContext context)
    {
        foreach (var r in context.Set.OfType("Immunization"))
        {
            if (r.Root.Text("status") == "entered-in-error")
                continue;
            context.AddTimeline(r, ChartDate.FirstOf([r.Root.Text("occurrenceDateTime"), r.Root.Text("recorded")]),
                ChartCategory.Immunization, r.Root.Get("vaccineCode").ConceptText() ?? "", r.Root.Text("lotNumber"));
        }
        foreach (var r in context.Set.OfType("Procedure"))
        {
            if (r.Root.Text("status") == "entered-in-error")
                continue;
            context.AddTimeline(r, ChartDate.FirstOf([r.Root.Text("performedDateTime"), r.Root.Text("performedPeriod.start")]),
                ChartCategory.Procedure, r.Root.Get("code").ConceptText() ?? "", r.Root.Get("outcome").ConceptText());
        }
    }
}
