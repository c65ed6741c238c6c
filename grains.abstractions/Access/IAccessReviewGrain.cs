using System.Collections.Immutable;

namespace KMN.Orleans.Grains.Abstractions.Access;

/// <summary>
/// The network operators' side of access control (stateless worker, key 0): the break-the-glass review queue
/// and the audit trail queries. Every method checks the caller is a network operator (or, for a patient's
/// access log, staff of a facility that may read the patient) and audits the question itself.
/// </summary>
[Alias("kmn.IAccessReviewGrain")]
public interface IAccessReviewGrain : IGrainWithIntegerKey
{
    [Alias("OpenReviews")]
    Task<ImmutableArray<BreakGlassReview>> OpenReviewsAsync(AccessCaller caller);

    /// <summary>Closes a review with the operator's note. False when it is unknown or already closed.</summary>
    [Alias("CloseReview")]
    Task<bool> CloseReviewAsync(AccessCaller caller, long reviewId, string note);

    /// <summary>The audit trail, newest first, filtered (operators only).</summary>
    [Alias("QueryAudit")]
    Task<ImmutableArray<AuditEntry>> QueryAuditAsync(AccessCaller caller, AuditQuery query);

    /// <summary>Who read this patient's record (facility, role, when, which categories, purpose), newest first.</summary>
    [Alias("AccessLog")]
    Task<ImmutableArray<AuditEntry>> AccessLogAsync(AccessCaller caller, string patientId, int limit);

    /// <summary>
    /// What one facility's own staff opened (record reads and 緊急時閲覧), newest first: for that facility's
    /// administrator or a network operator. Throws UnauthorizedAccessException (Japanese) for anyone else.
    /// </summary>
    [Alias("FacilityAccessHistory")]
    Task<ImmutableArray<AuditEntry>> FacilityAccessHistoryAsync(AccessCaller caller, string facilityCode, int limit);
}
