using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.Web.Chart;

namespace KMN.Orleans.Web.Services.Chart;

/// <summary>The consent as the header shows it: none, in force (all facilities or a list), or revoked.</summary>
public enum ConsentState
{
    None,
    Active,
    Revoked,
}

public sealed record ConsentStatus(ConsentState State, bool AllFacilities, IReadOnlyList<FacilityRef> Facilities, DateOnly? Date, int Version, bool ByProxy);

/// <summary>The chart header: who the patient is, what to watch out for, consent, and where records are held.</summary>
public sealed record PatientHeader(
    string PatientId,
    string Name,
    string? Kana,
    Sex Sex,
    DateOnly? BirthDate,
    int? Age,
    IReadOnlyList<AllergyEntry> Allergies,
    IReadOnlyList<ProblemEntry> Problems,
    ConsentStatus Consent,
    IReadOnlyList<FacilityRef> Facilities);
