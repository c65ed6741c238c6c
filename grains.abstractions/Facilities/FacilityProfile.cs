namespace KMN.Orleans.Grains.Abstractions.Facilities;

/// <summary>
/// What the network knows about a facility. <see cref="Code"/> is the 10-digit 医療機関コード-style code
/// (prefecture, score table, number, check digit) and is the facility grain's key.
/// </summary>
[GenerateSerializer, Immutable, Alias("kmn.FacilityProfile")]
public sealed record FacilityProfile(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string NameKana,
    [property: Id(3)] FacilityKind Kind,
    [property: Id(4)] string Municipality,
    [property: Id(5)] bool ProvidesData,
    [property: Id(6)] FacilityStatus Status);
