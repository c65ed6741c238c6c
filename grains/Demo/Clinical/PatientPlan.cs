using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>A facility where the patient has a chart number.</summary>
public sealed record CareSite(FacilityProfile Facility, ChartNumber Chart)
{
    public bool IsMedical => Facility.Kind is FacilityKind.Hospital or FacilityKind.Clinic;
}

/// <summary>The patients the demo singles out for the portal and its benchmark.</summary>
public enum PatientRole
{
    None,
    /// <summary>Ten years of history, thousands of lab values (the portal benchmark patient).</summary>
    Heaviest,
    /// <summary>The same drug prescribed by two facilities for overlapping days (重複投薬).</summary>
    DuplicatePrescriptions,
    /// <summary>A diagnosis not told to the patient (未告知), consent signed by a proxy.</summary>
    UndisclosedDiagnosis,
}

/// <summary>Who the patient is in the demo story: where they are seen, what they have, since when, and their consent.</summary>
public sealed class PatientPlan
{
    public required int Index { get; init; }
    public required PatientProfile Profile { get; init; }
    public required PatientRole Role { get; init; }
    public required IReadOnlyList<CareSite> Sites { get; init; }
    public required DateOnly Start { get; init; }
    public required IReadOnlyDictionary<Diagnosis, DateOnly> Chronic { get; init; }
    public required PatientBody Body { get; init; }
    public required ConsentPlan Consent { get; init; }
    public required bool HasHistory { get; init; }

    /// <summary>Where chronic diseases are followed (the かかりつけ), null without a hospital or clinic.</summary>
    public CareSite? Main { get; init; }

    /// <summary>The facility that registers the consent and uploads first.</summary>
    public CareSite? Enrolling { get; init; }
    public CareSite? CheckupSite { get; init; }
    public CareSite? AdmissionHospital { get; init; }
    public DateOnly? Admission { get; init; }

    public IEnumerable<CareSite> Medical => Sites.Where(s => s.IsMedical);
    public IEnumerable<CareSite> OfKind(FacilityKind kind) => Sites.Where(s => s.Facility.Kind == kind);
    public CareSite? Pharmacy => OfKind(FacilityKind.Pharmacy).FirstOrDefault();
    public string Prefix => $"p{Index}";
}
