namespace KMN.Orleans.Tests.Probes;

/// <summary>A test grain that arms a reminder and keeps a persisted log of the ticks it received.</summary>
[Alias("kmn.test.IReminderProbeGrain")]
public interface IReminderProbeGrain : IGrainWithStringKey
{
    [Alias("Arm")]
    Task ArmAsync(TimeSpan dueTime, TimeSpan period);

    [Alias("Disarm")]
    Task DisarmAsync();

    [Alias("GetTicks")]
    Task<IReadOnlyList<ReminderTick>> GetTicksAsync();
}

/// <summary>One reminder delivery: which silo ran it and when.</summary>
[GenerateSerializer, Immutable, Alias("kmn.test.ReminderTick")]
public sealed record ReminderTick(
    [property: Id(0)] string Silo,
    [property: Id(1)] DateTime ReceivedAtUtc);
