using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Tests.Access;
using KMN.Orleans.Tests.Support;

namespace KMN.Orleans.Tests.Live;

/// <summary>An open chart hears of uploads and consent changes through the patient's record-change stream.</summary>
[Collection(AccessCollection.Name)]
public sealed class RecordChangeStreamTests(AccessFixture fixture)
{
    [Fact]
    public async Task An_upload_and_a_revocation_each_publish_a_notice_on_the_patients_stream()
    {
        var world = new AccessWorld(fixture);
        var clinic = await world.FacilityAsync(FacilityKind.Clinic);
        var patient = await world.PatientAsync();
        await world.RegisterAsync(patient, clinic.Code, ConsentScope.All);
        await using var heard = await ListenAsync(patient);

        await world.Record(patient).RecordsAppendedAsync(new RecordAppendNotice(Guid.NewGuid(), clinic.Code, 3, DateTimeOffset.UtcNow, []));
        // The registration's own notice may still be in the queue when the subscription starts: skip to ours.
        var appended = await heard.NextAsync(n => n.Kind == RecordChangeKind.RecordsAppended);
        Assert.Equal((patient, RecordChangeKind.RecordsAppended, clinic.Code, false), (appended.PatientId, appended.Kind, appended.FacilityCode, appended.ConsentRevoked));

        var revoked = await world.Record(patient).RevokeConsentAsync(AccessWorld.Staff(clinic.Code, StaffRole.Clerk), "本人の申し出");
        Assert.True(revoked.Succeeded, revoked.Problem);
        var consent = await heard.NextAsync(n => n.ConsentRevoked);
        Assert.Equal((RecordChangeKind.ConsentChanged, revoked.Version, true), (consent.Kind, consent.ConsentVersion, consent.ConsentRevoked));
    }

    [Fact]
    public async Task Another_patients_changes_are_not_heard()
    {
        var world = new AccessWorld(fixture);
        var clinic = await world.FacilityAsync(FacilityKind.Clinic);
        var (watched, other) = (await world.PatientAsync(), await world.PatientAsync());
        await using var heard = await ListenAsync(watched);

        await world.Record(other).RecordsAppendedAsync(new RecordAppendNotice(Guid.NewGuid(), clinic.Code, 1, null, []));
        await world.Record(watched).RecordsAppendedAsync(new RecordAppendNotice(Guid.NewGuid(), clinic.Code, 1, null, []));

        // Stream order per key is kept, and the other patient's notice went to another key: the first heard is ours.
        Assert.Equal(watched, (await heard.NextAsync(_ => true)).PatientId);
    }

    // Bounded: a lost push fails the test.
    private Task<StreamListener<RecordChanged>> ListenAsync(string patient) =>
        StreamListener<RecordChanged>.ListenAsync(fixture.Cluster.Client, RecordChangeStreams.Namespace, patient, TimeSpan.FromSeconds(15));
}
