using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Access;

namespace KMN.Orleans.Web.Services.Access;

/// <summary>
/// The grain calls behind break-the-glass, the access log and the review queue, as the signed-in caller. The
/// grains check who may do what and audit it; this seam lets the pages be tested without a cluster.
/// </summary>
public interface IAccessSource
{
    Task<BreakGlassResult> BreakGlassAsync(AccessCaller caller, string patientId, BreakGlassRequest request);

    Task<AccessDecision> DecideAsync(AccessCaller caller, string patientId);

    /// <summary>Throws <see cref="UnauthorizedAccessException"/> (Japanese message) when the caller may not see it.</summary>
    Task<ImmutableArray<AuditEntry>> AccessLogAsync(AccessCaller caller, string patientId, int limit);

    Task<ImmutableArray<BreakGlassReview>> OpenReviewsAsync(AccessCaller caller);

    Task<bool> CloseReviewAsync(AccessCaller caller, long reviewId, string note);
}
