using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>
/// The demo network's clinical history (issue 4): for each demo patient, what each of their facilities would
/// upload — visits, diagnoses, prescriptions and dispensing, lab panels, vitals, checkups, an X-ray with its
/// image, a discharge summary — as FHIR R4 transaction Bundles in upload order. Patient i depends only on
/// (seed, i) and the end date, which only cuts the history short.
/// </summary>
public sealed class ClinicalHistoryGenerator
{
    /// <summary>Ten years, thousands of lab values: the portal benchmark's patient (network id 430000000001).</summary>
    public const int HeaviestPatient = 0;
    /// <summary>Two facilities prescribe the same drug for overlapping days.</summary>
    public const int DuplicatePrescriptionPatient = 1;
    /// <summary>A 未告知 diagnosis; consent signed by a proxy.</summary>
    public const int UndisclosedDiagnosisPatient = 2;

    private readonly DemoNetworkGenerator _network;

    public ClinicalHistoryGenerator(int seed, DateOnly until)
    {
        (Seed, Until) = (seed, until);
        _network = new DemoNetworkGenerator(seed);
        Facilities = _network.Facilities();
    }

    public int Seed { get; }
    public DateOnly Until { get; }
    public IReadOnlyList<FacilityProfile> Facilities { get; }

    public PatientHistory Patient(int index) => History(PatientPlanner.Plan(Seed, index, _network.Patient(index, Facilities), Facilities));

    public IEnumerable<PatientHistory> Patients(int count)
    {
        for (var i = 0; i < count; i++)
            yield return Patient(i);
    }

    private PatientHistory History(PatientPlan plan)
    {
        if (!plan.HasHistory || plan.Enrolling is not { } enrolling || plan.Start > Until)
            return new PatientHistory(plan, []);
        var ctx = new HistoryContext(Seed, plan, Until);
        ConsentResources.Add(ctx.Record(enrolling), plan.Index, plan.Consent);
        ChronicCareStory.Generate(ctx);
        SpecialStories.Generate(ctx);
        AcuteCareStory.Generate(ctx);
        AdmissionStory.Generate(ctx);
        CheckupStory.Generate(ctx);
        CommunityCareStory.Generate(ctx);
        PharmacyStory.Generate(ctx);
        return new PatientHistory(plan, Steps(ctx, enrolling));
    }

    /// <summary>The enrolling facility first (it carries the consent), prescribers before the pharmacy that cites them.</summary>
    private static List<UploadStep> Steps(HistoryContext ctx, CareSite enrolling)
    {
        var enrolled = NetworkIds.For(enrolling.Facility.Code, "Patient", "pt-" + enrolling.Chart.Number);
        return [.. ctx.Records
            .Where(r => r.Entries.Count > 1)
            .OrderBy(r => r.Facility.Code == enrolling.Facility.Code ? 0 : r.Facility.Kind == FacilityKind.Pharmacy ? 2 : 1)
            .ThenBy(r => r.Facility.Code, StringComparer.Ordinal)
            .Select(r => new UploadStep(r.Facility, r.Chart, r.Facility.Code == enrolling.Facility.Code ? null : enrolled,
                BundleWriter.Write(r)))];
    }
}
