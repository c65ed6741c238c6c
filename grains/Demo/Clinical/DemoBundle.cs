using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>A transaction Bundle ready to POST, and what it carries.</summary>
public sealed record DemoBundle(byte[] Json, IReadOnlyList<ResourceKey> Resources, int Measurements);

/// <summary>
/// One facility's part of a patient's history, uploaded with that facility's certificate. A facility other than
/// the enrolling one first links its chart number to the enrolled patient (<see cref="LinkTo"/>: the network id
/// of the enrolling facility's Patient) — $link is explicit in the network, never implied by an upload.
/// </summary>
public sealed record UploadStep(FacilityProfile Facility, ChartNumber Chart, string? LinkTo, IReadOnlyList<DemoBundle> Bundles);

/// <summary>A patient's generated history, in the order it must be uploaded.</summary>
public sealed record PatientHistory(PatientPlan Plan, IReadOnlyList<UploadStep> Steps)
{
    public PatientProfile Profile => Plan.Profile;

    /// <summary>Distinct resources (the Patient is repeated in every bundle of a facility but counts once).</summary>
    public int Resources => Steps.SelectMany(s => s.Bundles).SelectMany(b => b.Resources).Distinct().Count();

    public int Measurements => Steps.SelectMany(s => s.Bundles).Sum(b => b.Measurements);

    /// <summary>The network id of the enrolling facility's Patient: $everything accepts it for the whole record.</summary>
    public string? PatientResourceId => Plan.Enrolling is { } site && Steps.Count > 0
        ? NetworkIds.For(site.Facility.Code, "Patient", "pt-" + site.Chart.Number)
        : null;
}
