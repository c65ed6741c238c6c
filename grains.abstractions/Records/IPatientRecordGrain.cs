using System.Collections.Immutable;

namespace KMN.Orleans.Grains.Abstractions.Records;

/// <summary>
/// The record of one network patient (same key as <see cref="Patients.IPatientGrain"/>): its consents and
/// a small summary. The clinical rows live in the append-only table; this grain decides who may read them.
/// </summary>
[Alias("kmn.IPatientRecordGrain")]
public interface IPatientRecordGrain : IGrainWithStringKey
{
    [Alias("GetConsents")]
    Task<ImmutableArray<ConsentGrant>> GetConsentsAsync();

    /// <summary>Called by the ingest worker after its transaction committed.</summary>
    [Alias("RecordsAppended")]
    Task RecordsAppendedAsync(RecordAppendNotice notice);

    [Alias("GetSummary")]
    Task<RecordSummary> GetSummaryAsync();
}

[GenerateSerializer, Immutable, Alias("kmn.RecordAppendNotice")]
public sealed record RecordAppendNotice(
    [property: Id(0)] Guid UploadId,
    [property: Id(1)] string FacilityCode,
    [property: Id(2)] int NewRows,
    [property: Id(3)] DateTimeOffset? LatestEffective,
    [property: Id(4)] ImmutableArray<ConsentGrant> Consents);

/// <summary>Small, bounded: counts and the facilities that contributed, never the rows themselves.</summary>
[GenerateSerializer, Immutable, Alias("kmn.RecordSummary")]
public sealed record RecordSummary(
    [property: Id(0)] long ResourceRows,
    [property: Id(1)] DateTimeOffset? LatestEffective,
    [property: Id(2)] ImmutableArray<string> ContributingFacilities,
    [property: Id(3)] int Consents);
