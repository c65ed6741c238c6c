using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Tests.Access;
using KMN.Orleans.Tests.Support;

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

        // What a page would read on each notice, counted when the notice arrives: the row must already be there.
        await using var heard = await StreamListener<(string Action, long AuditedRows)>.ListenAsync<AccessLogNotice>(
            fixture.Cluster.Client, AccessLogStreams.Namespace, patient, TimeSpan.FromSeconds(30),
            async notice => (notice.Action, await fixture.CountAsync(AuditedAccess, patient)));

        var read = await world.Grains.GetGrain<IClinicalReaderGrain>(0)
            .EverythingAsync(new EverythingQuery(physician, patient, null, [], 100, 0));
        Assert.Equal(ReadStatus.Ok, read.Status);
        var first = await heard.NextAsync(_ => true);

        var refused = await world.Record(patient).BreakGlassAsync(physician, new BreakGlassRequest(BreakGlassReason.Unconscious, " "));
        Assert.False(refused.Granted);
        var second = await heard.NextAsync(_ => true);

        Assert.Equal([("read", 1L), ("break-glass", 2L)], [first, second]);
    }
}
