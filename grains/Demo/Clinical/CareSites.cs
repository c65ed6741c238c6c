using System.Globalization;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>
/// The facilities that produce a patient's history: the chart numbers of the demo network, plus the ones the
/// story needs (a pharmacy for anyone given prescriptions, a hospital for the benchmark patient, ...).
/// </summary>
public static class CareSites
{
    public static List<CareSite> From(PatientProfile patient, IReadOnlyList<FacilityProfile> facilities) =>
        [.. patient.ChartNumbers.Select(c => new CareSite(facilities.First(f => f.Code == c.FacilityCode), c))];

    /// <summary>Adds a facility of <paramref name="kind"/> unless the patient already has one.</summary>
    public static void Ensure(List<CareSite> sites, FacilityKind kind, int patient, IReadOnlyList<FacilityProfile> facilities, Random random)
    {
        if (sites.Any(s => s.Facility.Kind == kind))
            return;
        Add(sites, kind, patient, facilities, random);
    }

    public static void Add(List<CareSite> sites, FacilityKind kind, int patient, IReadOnlyList<FacilityProfile> facilities, Random random)
    {
        var candidates = facilities.Where(f => f.Kind == kind && sites.All(s => s.Facility.Code != f.Code)).ToList();
        if (candidates.Count == 0)
            return;
        var facility = random.Pick(candidates);
        sites.Add(new CareSite(facility, new ChartNumber(facility.Code, ChartNumberFor(patient, facility, facilities))));
        sites.Sort((a, b) => Order(a, facilities).CompareTo(Order(b, facilities)));
    }

    /// <summary>
    /// The demo network's chart-number rule (DemoNetworkGenerator): unique per facility, from the patient index and
    /// the facility's position among the data-providing facilities. Tests check the two stay the same.
    /// </summary>
    public static string ChartNumberFor(int patient, FacilityProfile facility, IReadOnlyList<FacilityProfile> facilities)
    {
        var provider = facilities.Where(f => f.ProvidesData).ToList().FindIndex(f => f.Code == facility.Code);
        return (patient + 1 + provider * 7919L).ToString("D8", CultureInfo.InvariantCulture);
    }

    private static int Order(CareSite site, IReadOnlyList<FacilityProfile> facilities) =>
        facilities.ToList().FindIndex(f => f.Code == site.Facility.Code);
}
