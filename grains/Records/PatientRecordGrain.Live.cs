using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Records;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

namespace KMN.Orleans.Grains.Records;

/// <summary>Live push to open charts: a small notice on the patient's record-change stream after each committed change.</summary>
public sealed partial class PatientRecordGrain
{
    /// <summary>
    /// Best effort by design: the upload or consent change is already committed, and a chart that misses the
    /// push still catches up on its slow safety poll. So a stream failure is logged and never reaches the caller.
    /// </summary>
    private async Task PublishChangeAsync(RecordChangeKind kind, string facilityCode)
    {
        var notice = new RecordChanged(PatientId, kind, facilityCode, clock.GetUtcNow(), _current?.Version ?? 0, _current?.Revoked ?? false);
        try
        {
            await this.GetStreamProvider(AccessStreams.Provider)
                .GetStream<RecordChanged>(StreamId.Create(RecordChangeStreams.Namespace, PatientId))
                .OnNextAsync(notice);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Record change ({Kind}) of {Patient} committed, but the live notice failed", kind, PatientId);
        }
    }
}
