using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>
/// What one facility holds about one patient, ready to upload: its own Patient (with its chart number) and the
/// resources it produced. The sender's ids are "p{patient}-..." so they never collide inside the facility.
/// </summary>
public sealed class FacilityRecord
{
    private readonly List<DemoEntry> _entries = [];

    public FacilityRecord(FacilityProfile facility, ChartNumber chart, PatientProfile patient)
    {
        (Facility, Chart) = (facility, chart);
        PatientKey = new ResourceKey(facility.Code, "Patient", "pt-" + chart.Number);
        _entries.Add(new DemoEntry(PatientKey, DateTimeOffset.MinValue,
            w => PatientResource.Write(w, PatientKey.SourceId, facility, chart, patient), EntryPlacement.EveryBundle));
    }

    public FacilityProfile Facility { get; }
    public ChartNumber Chart { get; }
    public ResourceKey PatientKey { get; }
    public IReadOnlyList<DemoEntry> Entries => _entries;

    public ResourceKey Add(string type, string sourceId, DateTimeOffset date, Action<FhirWriter> write,
        bool measurement = false, EntryPlacement placement = EntryPlacement.ByDate)
    {
        var key = new ResourceKey(Facility.Code, type, sourceId);
        _entries.Add(new DemoEntry(key, date, write, placement) { IsMeasurement = measurement });
        return key;
    }
}
