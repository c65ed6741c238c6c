using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Web.Chart;
using KMN.Orleans.Web.Chart.Fhir;

namespace KMN.Orleans.Web.Services.Chart;

/// <summary>
/// Builds the header from the directory profile (the network's demographics) or, for patients known only from
/// uploads, the facility's Patient resource; adds allergies, active problems, consent and record holders.
/// </summary>
public static class PatientHeaderBuilder
{
    public static PatientHeader Build(string patientId, ChartRecords records, PatientChart chart, IFacilityNames names, DateOnly today)
    {
        var profile = records.Profile;
        var fhir = chart.Patient;
        var birth = profile?.BirthDate ?? fhir?.BirthDate;
        var holders = records.ContributingFacilities.Select(c => new FacilityRef(c, names.NameOf(c) ?? ""))
            .Concat(chart.Facilities).DistinctBy(f => f.Key).ToList();
        return new PatientHeader(
            patientId,
            profile?.FullName ?? fhir?.Name ?? "",
            profile?.FullNameKana ?? fhir?.Kana,
            profile?.Sex ?? SexOf(fhir?.Gender),
            birth,
            birth is { } b ? Age.On(b, today) : null,
            chart.Allergies,
            chart.Problems,
            Consent(records.Consent, names),
            holders);
    }

    private static Sex SexOf(string? gender) => gender switch
    {
        "male" => Sex.Male,
        "female" => Sex.Female,
        "other" => Sex.Other,
        _ => Sex.Unknown,
    };

    private static ConsentStatus Consent(ConsentVersion? consent, IFacilityNames names) => consent switch
    {
        null => new ConsentStatus(ConsentState.None, false, [], null, 0, false),
        { Revoked: true } => new ConsentStatus(ConsentState.Revoked, false, [], consent.ConsentDate, consent.Version, false),
        _ => new ConsentStatus(ConsentState.Active, consent.Scope.AllFacilities,
            [.. consent.Scope.Facilities.Select(c => new FacilityRef(c, names.NameOf(c) ?? ""))],
            consent.ConsentDate, consent.Version, consent.Signer.Kind == ConsentSigner.Proxy),
    };
}
