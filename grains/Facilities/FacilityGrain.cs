using KMN.Orleans.Grains.Abstractions;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Audit;
using KMN.Orleans.Grains.Network;
using KMN.Orleans.Grains.Persistence;

namespace KMN.Orleans.Grains.Facilities;

/// <summary>
/// A participating facility: its profile, membership status and sharing permissions. The access decision asks
/// it on every read, so a changed setting holds from the next request; every change and refusal is audited.
/// </summary>
public sealed partial class FacilityGrain(
    [PersistentState("facility", StorageNames.State)] IPersistentState<FacilityState> state,
    INetworkDirectoryStore directory,
    IAuditTrail audit,
    TimeProvider clock) : Grain, IFacilityGrain
{
    public Task<FacilityProfile?> GetProfileAsync() => Task.FromResult(state.State.Profile);

    public Task<FacilityAccessProfile?> GetAccessProfileAsync() => Task.FromResult(state.State.Profile is { } p
        ? new FacilityAccessProfile(p.Code, p.Kind, p.Status, p.ProvidesData, state.State.Policy ?? SharingDefaults.For(p.Kind))
        : null);

    public async Task<WriteOutcome> RegisterAsync(FacilityProfile profile)
    {
        var problems = FacilityProfileRules.Validate(profile, this.GetPrimaryKeyString());
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(" ", problems), nameof(profile));

        var outcome = state.State.Profile switch
        {
            null => WriteOutcome.Created,
            var current when current == profile => WriteOutcome.Unchanged,
            _ => WriteOutcome.Updated,
        };
        if (outcome != WriteOutcome.Unchanged)
        {
            state.State.Profile = profile;
            await state.WriteOrDeactivateAsync(this);
        }
        // Always refresh the projection: it may have missed an earlier write that failed half-way.
        await directory.UpsertFacilityAsync(profile);
        return outcome;
    }
}
