using System.Collections.Immutable;

namespace KMN.Orleans.Grains.Abstractions.Records;

/// <summary>
/// One resource of an upload, already validated and with its references rewritten by the FHIR edge.
/// The JSON travels as UTF-8 bytes, as the edge wrote them and as PostgreSQL takes them (no UTF-16 round trips on
/// the way); FHIR POCOs never cross a grain interface. It starts with <c>{"meta":{</c> (the edge moves meta first,
/// without versionId/lastUpdated) so the store can add those by splicing bytes.
/// </summary>
[GenerateSerializer, Immutable, Alias("kmn.ClinicalEntry")]
public sealed record ClinicalEntry(
    [property: Id(0)] int Index,
    [property: Id(1)] string ResourceType,
    [property: Id(2)] string ResourceId,
    [property: Id(3)] string SourceId,
    [property: Id(9)] byte[] Utf8Json,
    [property: Id(5)] byte[] ContentHash,
    [property: Id(6)] bool PatientBound,
    [property: Id(7)] ClinicalIndex Indexed,
    [property: Id(8)] ImmutableArray<BusinessIdentifier> Identifiers);

/// <summary>The fields the timeline and lab series query, pulled out of the JSON at the edge.</summary>
[GenerateSerializer, Immutable, Alias("kmn.ClinicalIndex")]
public sealed record ClinicalIndex(
    [property: Id(0)] DateTimeOffset? Effective,
    [property: Id(1)] string? Category,
    [property: Id(2)] string? CodeSystem,
    [property: Id(3)] string? Code,
    [property: Id(4)] string? CodeDisplay,
    [property: Id(5)] decimal? ValueNumeric,
    [property: Id(6)] string? ValueUnit)
{
    public static ClinicalIndex Empty { get; } = new(null, null, null, null, null, null, null);
}

/// <summary>A business identifier (system|value) of a Patient or Organization, for conditional references.</summary>
[GenerateSerializer, Immutable, Alias("kmn.BusinessIdentifier")]
public sealed record BusinessIdentifier(
    [property: Id(0)] string System,
    [property: Id(1)] string Value);
