namespace KMN.Orleans.Tests.Probes;

[GenerateSerializer, Alias("kmn.test.ReminderProbeState")]
public sealed class ReminderProbeState
{
    [Id(0)] public List<ReminderTick> Ticks { get; set; } = [];
}
