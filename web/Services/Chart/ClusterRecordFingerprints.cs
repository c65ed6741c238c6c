using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Web.Services.Chart;

/// <summary>
/// Reads the record grain's small summary and consent version: two cheap read-only calls that change whenever an
/// upload or a consent change happened, so the safety poll can tell "something changed" without reading the chart.
/// </summary>
public sealed class ClusterRecordFingerprints(IClusterClient client, GrainCallGuard guard) : IRecordFingerprintSource
{
    public async Task<string?> ReadAsync(string patientId, CancellationToken cancellationToken = default)
    {
        var record = client.GetGrain<IPatientRecordGrain>(patientId);
        try
        {
            var summary = await guard.RunAsync("GetSummary", () => record.GetSummaryAsync(), cancellationToken: cancellationToken);
            var consent = await guard.RunAsync("GetConsent", () => record.GetConsentAsync(), cancellationToken: cancellationToken);
            return $"{summary.ResourceRows}|{summary.LatestEffective?.UtcTicks}|{consent?.Version}|{consent?.Revoked}";
        }
        catch (ClusterUnavailableException)
        {
            return null; // an outage skips a poll; it is not a change
        }
    }
}
