namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>What the stories of one patient share: the plan, the facility records they add to, the prescriptions.</summary>
public sealed class HistoryContext(int seed, PatientPlan plan, DateOnly until)
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);
    private readonly Dictionary<string, FacilityRecord> _records = [];

    public int Seed => seed;
    public PatientPlan Plan => plan;
    public DateOnly Until => until;
    public string P => plan.Prefix;
    public List<Prescription> Prescriptions { get; } = [];
    public IReadOnlyCollection<FacilityRecord> Records => _records.Values;

    public FacilityRecord Record(CareSite site)
    {
        if (!_records.TryGetValue(site.Facility.Code, out var record))
            _records[site.Facility.Code] = record = new FacilityRecord(site.Facility, site.Chart, plan.Profile);
        return record;
    }

    /// <summary>A random stream of its own per story (and facility), so stories never shift each other's numbers.</summary>
    public Random Stream(int story, int part = 0) => DemoRandom.For(seed, plan.Index, story, part);

    public bool InHistory(DateOnly date) => date >= plan.Start && date <= until;

    public static DateTimeOffset At(DateOnly date, int hour, int minute) =>
        new(date.ToDateTime(new TimeOnly(hour, minute)), Jst);

    /// <summary>Clinics close on Sundays: a visit that would fall on one moves to Monday.</summary>
    public static DateOnly Weekday(DateOnly date) => date.DayOfWeek == DayOfWeek.Sunday ? date.AddDays(1) : date;
}
