using System.Collections.Concurrent;

namespace KMN.Orleans.Tests.Probes;

/// <summary>
/// Connects probe grains to the test that waits for them (in-process silos share this static state).
/// Only ticks after <see cref="Expect"/> count, so a tick from a cluster that was already stopped cannot
/// satisfy a wait that began after it.
/// </summary>
public static class ReminderSignals
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource<ReminderTick>> Waiting = new();

    public static Task<ReminderTick> Expect(string probeKey)
    {
        var waiter = new TaskCompletionSource<ReminderTick>(TaskCreationOptions.RunContinuationsAsynchronously);
        Waiting[probeKey] = waiter;
        return waiter.Task;
    }

    internal static void Notify(string probeKey, ReminderTick tick)
    {
        if (Waiting.TryGetValue(probeKey, out var waiter))
            waiter.TrySetResult(tick);
    }
}
