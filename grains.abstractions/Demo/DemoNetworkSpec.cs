namespace KMN.Orleans.Grains.Abstractions.Demo;

/// <summary>What demo network to load: the same seed and size always give the same network.</summary>
[GenerateSerializer, Immutable, Alias("kmn.DemoNetworkSpec")]
public sealed record DemoNetworkSpec(
    [property: Id(0)] int Seed,
    [property: Id(1)] int Patients);
