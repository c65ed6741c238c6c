namespace KMN.Orleans.Web.Chart;

/// <summary>An allergy or intolerance for the header (with how serious it is, when the facility said so).</summary>
public sealed record AllergyEntry(string Substance, string? Criticality, FacilityRef Facility, DetailRef Source);

/// <summary>A diagnosis (病名) that is still active, for the header's problem list.</summary>
public sealed record ProblemEntry(string Name, ChartDate Onset, FacilityRef Facility, DetailRef Source);

/// <summary>A day a patient was at a facility (an encounter, or a pharmacy handing over medicine).</summary>
public sealed record VisitDay(DateOnly Day, FacilityRef Facility, string? Kind);
