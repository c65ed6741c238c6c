using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Web.Services.Chart;

/// <summary>Asks <see cref="IPatientRecordGrain.DecideAccessAsync"/> (read-only, not audited: opening the chart is).</summary>
public sealed class ClusterPatientAccessSource(IClusterClient client, GrainCallGuard guard) : IPatientAccessSource
{
    public Task<AccessDecision> DecideAsync(AccessCaller caller, string patientId, CancellationToken cancellationToken = default) =>
        guard.RunAsync("DecideAccess", () => client.GetGrain<IPatientRecordGrain>(patientId).DecideAccessAsync(caller),
            cancellationToken: cancellationToken);
}
