using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>
/// Decides a patient's story from (seed, index) and their demo profile. Dates run forward from a start that does
/// not depend on the end date, so a later end only adds to the same history.
/// </summary>
public static class PatientPlanner
{
    /// <summary>The benchmark patient's history starts here: ten years and more by 2026-09.</summary>
    public static readonly DateOnly HeaviestStart = new(2016, 9, 1);
    private static readonly DateOnly EarliestStart = new(2018, 1, 1);

    public static PatientPlan Plan(int seed, int index, PatientProfile patient, IReadOnlyList<FacilityProfile> facilities)
    {
        var random = DemoRandom.For(seed, index, 1);
        var role = index switch
        {
            ClinicalHistoryGenerator.HeaviestPatient => PatientRole.Heaviest,
            ClinicalHistoryGenerator.DuplicatePrescriptionPatient => PatientRole.DuplicatePrescriptions,
            ClinicalHistoryGenerator.UndisclosedDiagnosisPatient => PatientRole.UndisclosedDiagnosis,
            _ => PatientRole.None,
        };
        var sites = SitesFor(role, index, patient, facilities, random);
        var start = role == PatientRole.Heaviest ? HeaviestStart : EarliestStart.AddDays(random.Next(0, 2100));
        if (start < patient.BirthDate.AddYears(1))
            start = patient.BirthDate.AddYears(1);
        var medical = sites.Where(s => s.IsMedical).ToList();
        var main = role == PatientRole.Heaviest ? medical.First(s => s.Facility.Kind == FacilityKind.Hospital)
            : medical.FirstOrDefault(s => s.Facility.Kind == FacilityKind.Clinic) ?? medical.FirstOrDefault();
        var enrolling = main ?? sites.FirstOrDefault(s => s.Facility.Kind is FacilityKind.DentalClinic or FacilityKind.VisitingNurseStation);
        var chronic = main is null ? new Dictionary<Diagnosis, DateOnly>() : ChronicConditions.Plan(random, patient, role, start);
        var hospital = medical.FirstOrDefault(s => s.Facility.Kind == FacilityKind.Hospital);
        var admitted = hospital is not null && (role is PatientRole.Heaviest or PatientRole.UndisclosedDiagnosis || random.Chance(0.22));
        var ageAtStart = (start.DayNumber - patient.BirthDate.DayNumber) / 365;
        var checkups = medical.Count > 0 && ageAtStart >= 35 && (role != PatientRole.None || random.Chance(0.55));
        var others = facilities.Where(f => f.ProvidesData && sites.All(s => s.Facility.Code != f.Code)).Select(f => f.Code).ToList();
        return new PatientPlan
        {
            Index = index,
            Profile = patient,
            Role = role,
            Sites = sites,
            Start = start,
            Chronic = chronic,
            Body = new PatientBody(DemoRandom.For(seed, index, 2), patient, chronic, start, role == PatientRole.Heaviest),
            Consent = ConsentPlanner.Plan(random, patient, role, start, sites, others),
            HasHistory = enrolling is not null && (role != PatientRole.None || random.Chance(0.92)),
            Main = main,
            Enrolling = enrolling,
            CheckupSite = checkups ? (role == PatientRole.Heaviest ? medical.First(s => s != main) : random.Pick(medical)) : null,
            AdmissionHospital = admitted ? hospital : null,
            Admission = admitted ? start.AddDays(role == PatientRole.Heaviest ? 1900 : random.Next(60, 2200)) : null,
        };
    }

    private static List<CareSite> SitesFor(PatientRole role, int index, PatientProfile patient,
        IReadOnlyList<FacilityProfile> facilities, Random random)
    {
        var sites = CareSites.From(patient, facilities);
        if (role is PatientRole.Heaviest or PatientRole.UndisclosedDiagnosis)
            CareSites.Ensure(sites, FacilityKind.Hospital, index, facilities, random);
        if (role is PatientRole.Heaviest or PatientRole.DuplicatePrescriptions)
            CareSites.Ensure(sites, FacilityKind.Clinic, index, facilities, random);
        if (role == PatientRole.DuplicatePrescriptions && sites.Count(s => s.IsMedical) < 2)
            CareSites.Add(sites, FacilityKind.Hospital, index, facilities, random);
        if (sites.Any(s => s.IsMedical))
            CareSites.Ensure(sites, FacilityKind.Pharmacy, index, facilities, random);
        return sites;
    }
}
