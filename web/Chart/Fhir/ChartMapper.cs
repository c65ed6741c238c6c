namespace KMN.Orleans.Web.Chart.Fhir;

/// <summary>
/// Maps a patient's stored resources to the chart model in one pass. Reports run before loose observations
/// so that a lab panel or a checkup claims its results first.
/// </summary>
public static class ChartMapper
{
    public static PatientChart Map(IEnumerable<ChartResourceRow> rows, IFacilityNames names)
    {
        using var set = new ChartSourceSet(rows);
        var context = new MappingContext(set, new FacilityResolver(set, names));
        PatientMapping.Map(context);
        EncounterMapping.Map(context);
        ConditionMapping.Map(context);
        MedicationMapping.Map(context);
        ReportMapping.Map(context);
        CheckupMapping.Map(context);
        ObservationMapping.Map(context);
        DocumentMapping.Map(context);
        OtherEventMapping.Map(context);
        return context.Build();
    }
}
