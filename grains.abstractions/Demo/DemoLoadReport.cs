namespace KMN.Orleans.Grains.Abstractions.Demo;

/// <summary>What a demo load did. <see cref="AlreadyLoaded"/> is true when an earlier run had finished it.</summary>
[GenerateSerializer, Immutable, Alias("kmn.DemoLoadReport")]
public sealed record DemoLoadReport(
    [property: Id(0)] bool AlreadyLoaded,
    [property: Id(1)] int Facilities,
    [property: Id(2)] int Patients,
    [property: Id(3)] DateTimeOffset LoadedAt);
