using KMN.Orleans.Web.Chart.Checkups;
using KMN.Orleans.Web.Chart.Labs;

namespace KMN.Orleans.Web.Chart.Fhir;

/// <summary>The parsed resources and the lists the section mappers fill during one mapping pass.</summary>
public sealed class MappingContext(ChartSourceSet set, FacilityResolver facilities)
{
    public ChartSourceSet Set { get; } = set;
    public FacilityResolver Facilities { get; } = facilities;

    public ChartPatient? Patient { get; set; }
    public List<TimelineItem> Timeline { get; } = [];
    public List<VisitDay> Visits { get; } = [];
    public List<PrescriptionCourse> Prescriptions { get; } = [];
    public List<LabResult> Labs { get; } = [];
    public List<LabPanel> LabPanels { get; } = [];
    public List<RadiologyReport> Radiology { get; } = [];
    public List<ClinicalDocument> Documents { get; } = [];
    public List<CheckupYear> Checkups { get; } = [];
    public List<AllergyEntry> Allergies { get; } = [];
    public List<ProblemEntry> Problems { get; } = [];

    /// <summary>Observations a report already put on the timeline (so a panel is one entry, not twenty).</summary>
    public HashSet<string> Reported { get; } = new(StringComparer.Ordinal);

    /// <summary>Media already shown with a report.</summary>
    public HashSet<string> ShownMedia { get; } = new(StringComparer.Ordinal);

    public FacilityRef FacilityOf(ParsedResource resource) => Facilities.For(resource);

    public void AddTimeline(ParsedResource r, ChartDate date, ChartCategory category, string title, string? summary = null) =>
        Timeline.Add(new TimelineItem(date, category, FacilityOf(r), title, summary, r.Ref));

    public PatientChart Build() => new(
        Patient,
        [.. Timeline.OrderByDescending(t => t.Date.SortKey).ThenBy(t => t.Category)],
        [.. Visits.DistinctBy(v => (v.Day, v.Facility.Key)).OrderBy(v => v.Day)],
        [.. Prescriptions.OrderByDescending(p => p.FirstDay)],
        [.. Labs.OrderBy(l => l.Date.SortKey)],
        [.. LabPanels.OrderByDescending(p => p.Date.SortKey)],
        [.. Radiology.OrderByDescending(r => r.Date.SortKey)],
        [.. Documents.OrderByDescending(d => d.Date.SortKey)],
        [.. Checkups.OrderByDescending(c => c.Date.SortKey)],
        Allergies,
        [.. Problems.OrderByDescending(p => p.Onset.SortKey)],
        Set.Unreadable);
}
