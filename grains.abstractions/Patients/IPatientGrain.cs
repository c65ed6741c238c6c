namespace KMN.Orleans.Grains.Abstractions.Patients;

/// <summary>
/// One network patient, keyed by the network patient ID. The grain owns the patient's consent list,
/// timeline and lab series (later issues); the foundation keeps the demographics.
/// </summary>
[Alias("kmn.IPatientGrain")]
public interface IPatientGrain : IGrainWithStringKey
{
    [Alias("GetProfile")]
    Task<PatientProfile?> GetProfileAsync();

    /// <summary>Enrolls or updates the patient. Idempotent: the same profile twice writes once.</summary>
    [Alias("Enroll")]
    Task<WriteOutcome> EnrollAsync(PatientProfile profile);
}
