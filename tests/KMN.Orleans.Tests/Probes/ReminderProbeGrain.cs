using KMN.Orleans.Grains;
using Orleans.Runtime;

namespace KMN.Orleans.Tests.Probes;

/// <summary>
/// Records every reminder tick in its persisted state (the PostgreSQL grain storage under test), then tells
/// a waiting test through <see cref="ReminderSignals"/> so the test awaits the tick instead of sleeping.
/// </summary>
public sealed class ReminderProbeGrain(
    [PersistentState("reminder-probe", StorageNames.State)] IPersistentState<ReminderProbeState> state,
    ILocalSiloDetails silo) : Grain, IReminderProbeGrain, IRemindable
{
    public const string ReminderName = "probe";

    public Task ArmAsync(TimeSpan dueTime, TimeSpan period) =>
        this.RegisterOrUpdateReminder(ReminderName, dueTime, period);

    public async Task DisarmAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    public Task<IReadOnlyList<ReminderTick>> GetTicksAsync() =>
        Task.FromResult<IReadOnlyList<ReminderTick>>([.. state.State.Ticks]);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var tick = new ReminderTick(silo.SiloAddress.ToString(), DateTime.UtcNow);
        state.State.Ticks.Add(tick);
        await state.WriteStateAsync();
        ReminderSignals.Notify(this.GetPrimaryKeyString(), tick);
    }
}
