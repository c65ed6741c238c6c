namespace KMN.Orleans.Grains.Abstractions.Facilities;

/// <summary>One participating facility, keyed by its 10-digit facility code.</summary>
[Alias("kmn.IFacilityGrain")]
public interface IFacilityGrain : IGrainWithStringKey
{
    /// <summary>The profile, or null when the facility never registered.</summary>
    [Alias("GetProfile")]
    Task<FacilityProfile?> GetProfileAsync();

    /// <summary>Registers or updates the facility. Idempotent: the same profile twice writes once.</summary>
    [Alias("Register")]
    Task<WriteOutcome> RegisterAsync(FacilityProfile profile);
}
