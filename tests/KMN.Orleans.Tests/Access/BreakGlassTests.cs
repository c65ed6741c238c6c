using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Tests.Support;

namespace KMN.Orleans.Tests.Access;

/// <summary>Break-the-glass: who may, for how long, for whom only; notified live, logged, queued for review.</summary>
[Collection(AccessCollection.Name)]
public sealed class BreakGlassTests(AccessFixture fixture)
{
    [Fact]
    public async Task A_hospital_physician_opens_the_chart_for_a_while_operators_hear_of_it_and_close_the_review()
    {
        var world = new AccessWorld(fixture);
        var registering = await world.FacilityAsync(FacilityKind.Clinic);
        var hospital = await world.FacilityAsync(FacilityKind.Hospital);
        var patient = await world.PatientAsync();
        await RecordSeeder.SeedAsync(fixture.Database, patient,
            [new SeedRow("Condition", patient + "-dx", null, registering.Code, RecordCategory.Diagnoses)]);
        await world.RegisterAsync(patient, registering.Code, ConsentScope.Only(registering.Code));
        var alerts = await StreamListener<BreakGlassAlert>.ListenAsync(
            fixture.Cluster.Client, AccessStreams.BreakGlassNamespace, registering.Code, TimeSpan.FromSeconds(10));
        var physician = AccessWorld.Staff(hospital.Code, StaffRole.Physician);
        var colleague = physician with { AccountId = hospital.Code + "-99" };
        var reader = world.Grains.GetGrain<IClinicalReaderGrain>(0);
        Task<RecordPage> ReadAsync(AccessCaller who) => reader.EverythingAsync(new EverythingQuery(who, patient, null, [], 100, 0));

        Assert.Equal(AccessReason.OutsideConsent, (await ReadAsync(physician)).DeniedBecause);
        var opened = await world.Record(patient).BreakGlassAsync(physician, new BreakGlassRequest(BreakGlassReason.Unconscious, " 救急搬送、意識レベル低下 "));
        Assert.True(opened.Granted, opened.Problem);
        Assert.Equal(ReadStatus.Ok, (await ReadAsync(physician)).Status);
        Assert.Equal(ReadStatus.Forbidden, (await ReadAsync(colleague)).Status); // that user only

        var alert = await alerts.NextAsync(_ => true);
        Assert.Equal((opened.ReviewId!.Value, "救急搬送、意識レベル低下"), (alert.ReviewId, alert.Text));
        await alerts.DisposeAsync();

        var log = await world.Grains.GetGrain<IAccessReviewGrain>(0).AccessLogAsync(AccessWorld.Operator, patient, 50);
        Assert.Contains(log, e => e.Action == "read" && e.Purpose == "ETREAT" && e.AccountId == physician.AccountId);
        Assert.Contains(log, e => e.Action == "break-glass" && e.Outcome == "success");
        var reviews = world.Grains.GetGrain<IAccessReviewGrain>(0);
        Assert.Contains(await reviews.OpenReviewsAsync(AccessWorld.Operator), r => r.Opening.ReviewId == opened.ReviewId);
        Assert.True(await reviews.CloseReviewAsync(AccessWorld.Operator, opened.ReviewId!.Value, "救急外来の記録と一致。問題なし。"));
        Assert.False(await reviews.CloseReviewAsync(AccessWorld.Operator, opened.ReviewId!.Value, "二重"));
        Assert.DoesNotContain(await reviews.OpenReviewsAsync(AccessWorld.Operator), r => r.Opening.ReviewId == opened.ReviewId);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => reviews.OpenReviewsAsync(physician));

        await Task.Delay(opened.Until!.Value - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(500));
        Assert.Equal(AccessReason.OutsideConsent, (await ReadAsync(physician)).DeniedBecause);
    }

    [Fact]
    public async Task Non_physicians_clinic_staff_systems_and_empty_reasons_are_refused_and_audited()
    {
        var world = new AccessWorld(fixture);
        var hospital = await world.FacilityAsync(FacilityKind.Hospital);
        var clinic = await world.FacilityAsync(FacilityKind.Clinic);
        var patient = await world.PatientAsync();
        var record = world.Record(patient);
        var reason = new BreakGlassRequest(BreakGlassReason.LifeThreatening, "心肺停止");

        var refusals = new[]
        {
            await record.BreakGlassAsync(AccessWorld.Staff(hospital.Code, StaffRole.Nurse), reason),
            await record.BreakGlassAsync(AccessWorld.Staff(clinic.Code, StaffRole.Physician), reason),
            await record.BreakGlassAsync(AccessCaller.FacilitySystem(hospital.Code), reason),
            await record.BreakGlassAsync(AccessWorld.Staff(hospital.Code, StaffRole.Physician), reason with { Text = "  " }),
            await record.BreakGlassAsync(AccessWorld.Staff(hospital.Code, StaffRole.Physician), reason with { Reason = (BreakGlassReason)42 }),
        };

        Assert.All(refusals, r => Assert.False(r.Granted));
        Assert.Contains("病院の医師", refusals[0].Problem);
        Assert.Contains("病院の医師", refusals[1].Problem);
        Assert.Contains("理由", refusals[3].Problem);
        Assert.Equal(5, await fixture.CountAsync(
            "kmn_audit_event WHERE network_patient_id = $1 AND action = 'break-glass' AND outcome = 'denied'", patient));
        Assert.Equal(0, await fixture.CountAsync("kmn_break_glass WHERE network_patient_id = $1", patient));
    }
}
