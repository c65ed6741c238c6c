using KMN.Orleans.Grains.Abstractions.Demo;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.Grains.Persistence;
using Microsoft.Extensions.Logging;

namespace KMN.Orleans.Grains.Demo;

/// <summary>
/// Loads the demo network through the real facility and patient grains, once. Progress is saved every
/// batch, and every write it makes is idempotent, so a crash mid-load resumes without duplicates.
/// </summary>
public sealed class DemoNetworkGrain(
    [PersistentState("demo", StorageNames.State)] IPersistentState<DemoNetworkState> state,
    TimeProvider clock,
    ILogger<DemoNetworkGrain> logger) : Grain, IDemoNetworkGrain
{
    private const int BatchSize = 50;

    public Task<DemoLoadReport?> GetReportAsync() => Task.FromResult(state.State.Finished);

    public async Task<DemoLoadReport> EnsureLoadedAsync(DemoNetworkSpec spec)
    {
        if (state.State.Finished is { } done)
            return done with { AlreadyLoaded = true };
        ArgumentOutOfRangeException.ThrowIfNegative(spec.Patients);

        var generator = new DemoNetworkGenerator(spec.Seed);
        var facilities = generator.Facilities();
        await Task.WhenAll(facilities.Select(f => GrainFactory.GetGrain<IFacilityGrain>(f.Code).RegisterAsync(f)));

        // Resume where an interrupted load stopped, unless it was asked for a different network.
        var start = state.State.Spec == spec ? state.State.PatientsLoaded : 0;
        state.State.Spec = spec;
        for (var next = start; next < spec.Patients; next += BatchSize)
        {
            var batch = Enumerable.Range(next, Math.Min(BatchSize, spec.Patients - next))
                .Select(i => generator.Patient(i, facilities));
            await Task.WhenAll(batch.Select(p => GrainFactory.GetGrain<IPatientGrain>(p.NetworkPatientId).EnrollAsync(p)));
            state.State.PatientsLoaded = Math.Min(next + BatchSize, spec.Patients);
            await state.WriteOrDeactivateAsync(this);
        }

        state.State.Finished = new DemoLoadReport(false, facilities.Count, spec.Patients, clock.GetUtcNow());
        await state.WriteOrDeactivateAsync(this);
        logger.LogInformation("Demo network loaded: {Facilities} facilities, {Patients} patients",
            facilities.Count, spec.Patients);
        return state.State.Finished;
    }
}
