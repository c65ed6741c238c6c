using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Web.Services.Access;

/// <summary><see cref="IAccessSource"/> over the patient's record grain and the access review grain.</summary>
public sealed class ClusterAccessSource(IClusterClient client, GrainCallGuard guard) : IAccessSource
{
    private IAccessReviewGrain Reviews => client.GetGrain<IAccessReviewGrain>(0);

    public Task<BreakGlassResult> BreakGlassAsync(AccessCaller caller, string patientId, BreakGlassRequest request) =>
        guard.RunAsync("BreakGlass", () => client.GetGrain<IPatientRecordGrain>(patientId).BreakGlassAsync(caller, request));

    public Task<AccessDecision> DecideAsync(AccessCaller caller, string patientId) =>
        guard.RunAsync("DecideAccess", () => client.GetGrain<IPatientRecordGrain>(patientId).DecideAccessAsync(caller));

    public Task<ImmutableArray<AuditEntry>> AccessLogAsync(AccessCaller caller, string patientId, int limit) =>
        guard.RunAsync("AccessLog", () => Reviews.AccessLogAsync(caller, patientId, limit));

    public Task<ImmutableArray<BreakGlassReview>> OpenReviewsAsync(AccessCaller caller) =>
        guard.RunAsync("OpenReviews", () => Reviews.OpenReviewsAsync(caller));

    public Task<bool> CloseReviewAsync(AccessCaller caller, long reviewId, string note) =>
        guard.RunAsync("CloseReview", () => Reviews.CloseReviewAsync(caller, reviewId, note));
}
