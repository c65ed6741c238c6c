namespace KMN.Orleans.Grains.Abstractions.Network;

/// <summary>Headline figures of the network for the operations page.</summary>
[GenerateSerializer, Immutable, Alias("kmn.NetworkCounts")]
public sealed record NetworkCounts(
    [property: Id(0)] int Facilities,
    [property: Id(1)] int Patients);
