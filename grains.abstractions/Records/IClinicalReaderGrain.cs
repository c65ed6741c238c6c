using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Access;

namespace KMN.Orleans.Grains.Abstractions.Records;

/// <summary>
/// Reads records for a caller (<see cref="AccessCaller"/>: a staff member or a facility's system). A stateless
/// worker (key 0): every call asks the patient's record grain for the access decision, filters by category and
/// source facility, writes the audit row durably, and only then returns the rows the caller may see.
/// </summary>
[Alias("kmn.IClinicalReaderGrain")]
public interface IClinicalReaderGrain : IGrainWithIntegerKey
{
    [Alias("Everything")]
    Task<RecordPage> EverythingAsync(EverythingQuery query);

    /// <summary>The current version, or every version when <paramref name="history"/> is true.</summary>
    [Alias("ReadAs")]
    Task<RecordPage> ReadAsync(AccessCaller caller, string resourceType, string resourceId, bool history);

    [Alias("SearchObservations")]
    Task<RecordPage> SearchObservationsAsync(ObservationQuery query);
}

/// <summary>
/// A page of a patient's current resources. <see cref="Conditional"/> asks for the page's <see cref="RecordPage.ETag"/>
/// (a hash of exactly which stored versions it holds); with <see cref="IfNoneMatch"/> set to the tag the caller already
/// holds, an unchanged page comes back as <see cref="RecordPage.NotModified"/> without its JSON. Decided and audited
/// either way: a conditional read is a read.
/// </summary>
[GenerateSerializer, Immutable, Alias("kmn.EverythingQuery")]
public sealed record EverythingQuery(
    [property: Id(6)] AccessCaller Caller,
    [property: Id(1)] string PatientId,
    [property: Id(2)] DateTimeOffset? Since,
    [property: Id(3)] ImmutableArray<string> Types,
    [property: Id(4)] int Count,
    [property: Id(5)] int Offset,
    [property: Id(7)] bool Conditional = false,
    [property: Id(8)] string? IfNoneMatch = null);

[GenerateSerializer, Immutable, Alias("kmn.ObservationQuery")]
public sealed record ObservationQuery(
    [property: Id(8)] AccessCaller Caller,
    [property: Id(1)] string PatientId,
    [property: Id(2)] string? CodeSystem,
    [property: Id(3)] string? Code,
    [property: Id(4)] DateTimeOffset? From,
    [property: Id(5)] DateTimeOffset? To,
    [property: Id(6)] int Count,
    [property: Id(7)] int Offset,
    [property: Id(9)] string? Category = null); // the indexed category code (laboratory, vital-signs, ...)

/// <summary>
/// A stored resource version as JSON, with the metadata the edge puts into meta and the etag, and the facility
/// that uploaded it (the portal groups and colours by it; null where a read does not carry it).
/// </summary>
[GenerateSerializer, Immutable, Alias("kmn.StoredResource")]
public sealed record StoredResource(
    [property: Id(0)] string ResourceType,
    [property: Id(1)] string ResourceId,
    [property: Id(2)] int Version,
    [property: Id(3)] DateTimeOffset RecordedAt,
    [property: Id(4)] string Json,
    [property: Id(5)] string? SourceFacility = null);

[GenerateSerializer, Alias("kmn.ReadStatus")]
public enum ReadStatus
{
    Ok = 1,
    NotFound = 2,
    Forbidden = 3,
}

/// <summary>
/// A page of what the caller may see. <see cref="Hidden"/> says which categories were left out and why (for
/// "why can't I see this"); <see cref="DeniedBecause"/> says why a Forbidden page is empty. <see cref="ETag"/> and
/// <see cref="NotModified"/> answer a conditional <see cref="EverythingQuery"/>: not modified means the caller's copy
/// is exactly what it may see now, so <see cref="Resources"/> is left empty.
/// </summary>
[GenerateSerializer, Immutable, Alias("kmn.RecordPage")]
public sealed record RecordPage(
    [property: Id(0)] ReadStatus Status,
    [property: Id(1)] ImmutableArray<StoredResource> Resources,
    [property: Id(2)] int Total,
    [property: Id(3)] string? NetworkPatientId,
    [property: Id(4)] AccessReason? DeniedBecause = null,
    [property: Id(5)] ImmutableArray<HiddenCategory> Hidden = default,
    [property: Id(6)] string? ETag = null,
    [property: Id(7)] bool NotModified = false);
