using KMN.Orleans.Grains.Abstractions.Demo;

namespace KMN.Orleans.Grains.Demo;

/// <summary>Progress of the demo load; a finished report stops any later load.</summary>
[GenerateSerializer, Alias("kmn.DemoNetworkState")]
public sealed class DemoNetworkState
{
    [Id(0)] public DemoNetworkSpec? Spec { get; set; }
    [Id(1)] public int PatientsLoaded { get; set; }
    [Id(2)] public DemoLoadReport? Finished { get; set; }
}
