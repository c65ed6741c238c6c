using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Grains.Patients;

/// <summary>
/// Persisted state of a patient grain: demographics now; consent, timeline index and lab series summaries
/// later. Clinical records themselves go to an append-only table, never into this state.
/// </summary>
[GenerateSerializer, Alias("kmn.PatientState")]
public sealed class PatientState
{
    [Id(0)] public PatientProfile? Profile { get; set; }
}
