using System.Collections.Immutable;

namespace KMN.Orleans.Grains.Abstractions.Records;

/// <summary>
/// The basic consent of issue 4: when, who signed (本人 or 代理人), and which facilities may read
/// (all participating facilities, or a list). Issue 5 versions it and adds revocation.
/// </summary>
[GenerateSerializer, Immutable, Alias("kmn.ConsentGrant")]
public sealed record ConsentGrant(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] ConsentSigner Signer,
    [property: Id(2)] bool AllFacilities,
    [property: Id(3)] ImmutableArray<string> PermittedFacilities,
    [property: Id(4)] string RegisteredByFacility,
    [property: Id(5)] string? ResourceId)
{
    /// <summary>The registering facility is always permitted: it holds the signed form.</summary>
    public bool Permits(string facilityCode) =>
        AllFacilities || facilityCode == RegisteredByFacility || PermittedFacilities.Contains(facilityCode);
}

/// <summary>Who signed a consent. Persisted as the Japanese word in kmn_consent.signer.</summary>
[GenerateSerializer, Alias("kmn.ConsentSigner")]
public enum ConsentSigner
{
    Self = 1,  // 本人
    Proxy = 2, // 代理人
}
