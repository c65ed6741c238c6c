using KMN.Orleans.Grains.Abstractions.Facilities;

namespace KMN.Orleans.Grains.Abstractions.Network;

/// <summary>A row of the network directory: enough to list and find facilities without activating them.</summary>
[GenerateSerializer, Immutable, Alias("kmn.FacilitySummary")]
public sealed record FacilitySummary(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] FacilityKind Kind,
    [property: Id(3)] string Municipality,
    [property: Id(4)] bool ProvidesData,
    [property: Id(5)] FacilityStatus Status)
{
    public static FacilitySummary From(FacilityProfile p) =>
        new(p.Code, p.Name, p.Kind, p.Municipality, p.ProvidesData, p.Status);
}
