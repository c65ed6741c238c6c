using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Tests.Access;
using Orleans.Streams;

namespace KMN.Orleans.Tests.AccessLog;

/// <summary>
/// The access log's live push: every audited access to a patient (reads, break-the-glass attempts) publishes a
/// notice on the patient's access-log stream, and only once its audit row is committed.
/// </summary>
[Collection(AccessCollection.Name)]
public sealed class AccessLogNoticeTests(AccessFixture fixture)
{
    private const string AuditedAccess =
        "kmn_audit_event WHERE network_patient_id = $1 AND event_type IN ('record-access', 'break-glass')";

    [Fact]
    public async Task A_read_and_a_refused_break_glass_each_push_a_notice_after_their_audit_row()
    {
        var world = new AccessWorld(fixture);
        var hospital = await world.FacilityAsync(FacilityKind.Hospital);
        var patient = await world.PatientAsync();
        await world.RegisterAsync(patient, hospital.Code, ConsentScope.Only(hospital.Code));
        var physician = AccessWorld.Staff(hospital.Code, StaffRole.Physician);

        var seen = new List<(string Action, long AuditedRows)>();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stream = fixture.Cluster.Client.GetStreamProvider(AccessStreams.Provider)
            .GetStream<AccessLogNotice>(StreamId.Create(AccessLogStreams.Namespace, patient));
        var subscription = await stream.SubscribeAsync(async (notice, _) =>
        {
            // What a page would read on this notice: the row must already be there.
            var rows = await fixture.CountAsync(AuditedAccess, patient);
            lock (seen)
            {
                seen.Add((notice.Action, rows));
                (seen.Count == 1 ? first : second).TrySetResult();
            }
        });

        var read = await world.Grains.GetGrain<IClinicalReaderGrain>(0)
            .EverythingAsync(new EverythingQuery(physician, patient, null, [], 100, 0));
        Assert.Equal(ReadStatus.Ok, read.Status);
        await first.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var refused = await world.Record(patient).BreakGlassAsync(physician, new BreakGlassRequest(BreakGlassReason.Unconscious, " "));
        Assert.False(refused.Granted);
        await second.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await subscription.UnsubscribeAsync();

        Assert.Equal([("read", 1L), ("break-glass", 2L)], seen);
    }
}
