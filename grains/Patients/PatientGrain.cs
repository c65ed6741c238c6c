using KMN.Orleans.Grains.Abstractions;
using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.Grains.Network;
using KMN.Orleans.Grains.Persistence;

namespace KMN.Orleans.Grains.Patients;

/// <summary>A network patient. Owns its consent list, timeline and lab series as later issues add them.</summary>
public sealed class PatientGrain(
    [PersistentState("patient", StorageNames.State)] IPersistentState<PatientState> state,
    INetworkDirectoryStore directory,
    TimeProvider clock) : Grain, IPatientGrain
{
    public Task<PatientProfile?> GetProfileAsync() => Task.FromResult(state.State.Profile);

    public async Task<WriteOutcome> EnrollAsync(PatientProfile profile)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var problems = PatientProfileRules.Validate(profile, this.GetPrimaryKeyString(), today);
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(" ", problems), nameof(profile));

        var outcome = state.State.Profile switch
        {
            null => WriteOutcome.Created,
            var current when current.SameAs(profile) => WriteOutcome.Unchanged,
            _ => WriteOutcome.Updated,
        };
        if (outcome != WriteOutcome.Unchanged)
        {
            state.State.Profile = profile;
            await state.WriteOrDeactivateAsync(this);
        }
        await directory.UpsertPatientAsync(profile);
        return outcome;
    }
}
