using System.Collections.Immutable;

namespace KMN.Orleans.Grains.Abstractions.Records;

/// <summary>
/// Writes uploads. A stateless worker (key 0): one database transaction per upload, then it tells the
/// patient's record grain, so grain state never holds the clinical rows.
/// </summary>
[Alias("kmn.IClinicalIngestGrain")]
public interface IClinicalIngestGrain : IGrainWithIntegerKey
{
    [Alias("Upload")]
    Task<UploadResult> UploadAsync(UploadRequest request);

    /// <summary>Logical ids of stored resources with these identifiers (conditional references, ifNoneExist).</summary>
    [Alias("ResolveIdentifiers")]
    Task<ImmutableArray<ResolvedIdentifier>> ResolveIdentifiersAsync(string facilityCode, ImmutableArray<IdentifierLookup> lookups);

    /// <summary>Which of these (type, id) pairs are stored, for relative references that leave the bundle.</summary>
    [Alias("Existing")]
    Task<ImmutableArray<string>> ExistingAsync(ImmutableArray<string> typeSlashIds);

    /// <summary>Links a facility's chart number to an existing network patient (recorded with who and why).</summary>
    [Alias("LinkChart")]
    Task<ChartLinkResult> LinkChartAsync(ChartLink link);

    /// <summary>Reverses a link; the history stays in kmn_patient_identity_event.</summary>
    [Alias("UnlinkChart")]
    Task<ChartLinkResult> UnlinkChartAsync(ChartLink link);
}

[GenerateSerializer, Immutable, Alias("kmn.IdentifierLookup")]
public sealed record IdentifierLookup(
    [property: Id(0)] string ResourceType,
    [property: Id(1)] BusinessIdentifier Identifier);

[GenerateSerializer, Immutable, Alias("kmn.ResolvedIdentifier")]
public sealed record ResolvedIdentifier(
    [property: Id(0)] IdentifierLookup Lookup,
    [property: Id(1)] string ResourceId);

/// <summary>An explicit link (or unlink) of a facility's chart number to a network patient: who, why.</summary>
[GenerateSerializer, Immutable, Alias("kmn.ChartLink")]
public sealed record ChartLink(
    [property: Id(0)] string FacilityCode,
    [property: Id(1)] BusinessIdentifier Chart,
    [property: Id(2)] string PatientId,
    [property: Id(3)] string PerformedBy,
    [property: Id(4)] string Reason);

[GenerateSerializer, Alias("kmn.ChartLinkResult")]
public enum ChartLinkResult
{
    Linked = 1,
    AlreadyLinked = 2,
    Unlinked = 3,
    PatientNotFound = 4,
    LinkedToAnotherPatient = 5,
    NotLinked = 6,
}
