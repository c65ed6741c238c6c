using KMN.Orleans.Web.Chart.Checkups;
using KMN.Orleans.Web.Chart.Labs;

namespace KMN.Orleans.Web.Chart;

/// <summary>
/// Everything the chart views show, mapped once from a patient's stored FHIR resources. Plain records only:
/// components never see JSON, and the views (timeline, calendar, labs, details, checkups) filter this.
/// </summary>
public sealed record PatientChart(
    ChartPatient? Patient,
    IReadOnlyList<TimelineItem> Timeline,
    IReadOnlyList<VisitDay> Visits,
    IReadOnlyList<PrescriptionCourse> Prescriptions,
    IReadOnlyList<LabResult> Labs,
    IReadOnlyList<LabPanel> LabPanels,
    IReadOnlyList<RadiologyReport> Radiology,
    IReadOnlyList<ClinicalDocument> Documents,
    IReadOnlyList<CheckupYear> Checkups,
    IReadOnlyList<AllergyEntry> Allergies,
    IReadOnlyList<ProblemEntry> Problems,
    int Unreadable)
{
    public static PatientChart Empty { get; } = new(null, [], [], [], [], [], [], [], [], [], [], 0);

    /// <summary>Facilities that contributed entries, most entries first.</summary>
    public IReadOnlyList<FacilityRef> Facilities { get; } = Timeline.Select(t => t.Facility).Where(f => f.IsKnown)
        .GroupBy(f => f.Key).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => g.First()).ToList();
}

/// <summary>Demographics as a facility's Patient resource states them (used when the directory has none).</summary>
public sealed record ChartPatient(string? Name, string? Kana, DateOnly? BirthDate, string? Gender);
