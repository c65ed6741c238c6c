using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Access;
using Orleans.Concurrency;

namespace KMN.Orleans.Grains.Abstractions.Records;

/// <summary>
/// The record of one network patient (same key as <see cref="Patients.IPatientGrain"/>): the single authority
/// on its consent (versioned) and break-the-glass grants, and the one place that decides what a caller may
/// see. Nothing caches its answers: every read asks it again, so a revocation holds from the next request on.
/// The clinical rows live in the append-only table.
/// </summary>
[Alias("kmn.IPatientRecordGrain")]
public interface IPatientRecordGrain : IGrainWithStringKey
{
    /// <summary>The current consent as upload grants (empty when none or revoked).</summary>
    [Alias("GetConsents"), ReadOnly]
    Task<ImmutableArray<ConsentGrant>> GetConsentsAsync();

    /// <summary>Called by the ingest worker after its transaction committed.</summary>
    [Alias("RecordsAppended")]
    Task RecordsAppendedAsync(RecordAppendNotice notice);

    [Alias("GetSummary"), ReadOnly]
    Task<RecordSummary> GetSummaryAsync();

    /// <summary>The current consent version, or null when none was ever registered.</summary>
    [Alias("GetConsent"), ReadOnly]
    Task<ConsentVersion?> GetConsentAsync();

    /// <summary>Every version, oldest first.</summary>
    [Alias("GetConsentHistory"), ReadOnly]
    Task<ImmutableArray<ConsentVersion>> GetConsentHistoryAsync();

    /// <summary>Registers a signed consent form (a new version replacing the scope). Audited, refusals too.</summary>
    [Alias("RegisterConsent")]
    Task<ConsentReceipt> RegisterConsentAsync(AccessCaller by, ConsentRegistration registration);

    [Alias("AddConsentFacilities")]
    Task<ConsentReceipt> AddConsentFacilitiesAsync(AccessCaller by, ImmutableArray<string> facilities);

    [Alias("RemoveConsentFacilities")]
    Task<ConsentReceipt> RemoveConsentFacilitiesAsync(AccessCaller by, ImmutableArray<string> facilities);

    /// <summary>全部撤回: every facility loses access from the next request on. The receipt names the new version.</summary>
    [Alias("RevokeConsent")]
    Task<ConsentReceipt> RevokeConsentAsync(AccessCaller by, string? note);

    /// <summary>The access decision for this caller, now. Not audited here: the read that follows is.</summary>
    [Alias("DecideAccess"), ReadOnly]
    Task<AccessDecision> DecideAccessAsync(AccessCaller caller);

    /// <summary>緊急時閲覧: a physician of an active hospital opens this chart outside the consent. Audited, notified, queued for review.</summary>
    [Alias("BreakGlass")]
    Task<BreakGlassResult> BreakGlassAsync(AccessCaller caller, BreakGlassRequest request);
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
