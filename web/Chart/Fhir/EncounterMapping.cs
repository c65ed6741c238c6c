namespace KMN.Orleans.Web.Chart.Fhir;

/// <summary>Encounters: visit days per facility for the calendar, and a 受診 entry on the timeline.</summary>
public static class EncounterMapping
{
    public static void Map(MappingContext context)
    {
        foreach (var r in context.Set.OfType("Encounter"))
        {
            var date = ChartDate.FirstOf([r.Root.Text("period.start"), r.Root.Text("period.end")]);
            var kind = r.Root.Get("type").ConceptText() ?? r.Root.Get("serviceType").ConceptText()
                ?? r.Root.Text("class.display") ?? r.Root.Text("class.code");
            var reason = r.Root.Get("reasonCode").ConceptText();
            context.AddTimeline(r, date, ChartCategory.Visit, kind ?? "", reason);
            if (date.Day is { } day)
                context.Visits.Add(new VisitDay(day, context.FacilityOf(r), kind));
        }
    }
}
