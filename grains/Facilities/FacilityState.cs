using KMN.Orleans.Grains.Abstractions.Facilities;

namespace KMN.Orleans.Grains.Facilities;

/// <summary>Persisted state of a facility grain. Small on purpose: it is rewritten whole on every save.</summary>
[GenerateSerializer, Alias("kmn.FacilityState")]
public sealed class FacilityState
{
    [Id(0)] public FacilityProfile? Profile { get; set; }

    /// <summary>Null until the facility's administrator first changes it: the defaults for its kind apply.</summary>
    [Id(1)] public SharingPolicy? Policy { get; set; }
}
