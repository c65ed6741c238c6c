using System.Collections.Immutable;

namespace KMN.Orleans.Grains.Abstractions.Records;

/// <summary>
/// A validated bundle from one facility about at most one patient. A transaction stores all entries or none;
/// the FHIR edge has already turned a batch's invalid entries into per-entry errors.
/// </summary>
[GenerateSerializer, Immutable, Alias("kmn.UploadRequest")]
public sealed record UploadRequest(
    [property: Id(0)] Guid UploadId,
    [property: Id(1)] string FacilityCode,
    [property: Id(2)] BusinessIdentifier? PatientChart,
    [property: Id(3)] ImmutableArray<ClinicalEntry> Entries,
    [property: Id(4)] ImmutableArray<ConsentGrant> Consents);

/// <summary>What happened to one entry: where it lives now and whether a new version was written.</summary>
[GenerateSerializer, Immutable, Alias("kmn.StoredEntry")]
public sealed record StoredEntry(
    [property: Id(0)] int Index,
    [property: Id(1)] string ResourceType,
    [property: Id(2)] string ResourceId,
    [property: Id(3)] int Version,
    [property: Id(4)] EntryWrite Write,
    [property: Id(5)] DateTimeOffset LastModified);

[GenerateSerializer, Alias("kmn.EntryWrite")]
public enum EntryWrite
{
    Created = 1,
    NewVersion = 2,
    Unchanged = 3,
}

[GenerateSerializer, Alias("kmn.UploadStatus")]
public enum UploadStatus
{
    Stored = 1,
    ConsentRequired = 2,
    Conflict = 3,
}

[GenerateSerializer, Immutable, Alias("kmn.UploadResult")]
public sealed record UploadResult(
    [property: Id(0)] UploadStatus Status,
    [property: Id(1)] string? NetworkPatientId,
    [property: Id(2)] ImmutableArray<StoredEntry> Entries,
    [property: Id(3)] string? Message);
