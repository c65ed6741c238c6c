using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Records;
using Npgsql;

namespace KMN.Orleans.Tests.Access;

/// <summary>Every read is one audit row written before the data leaves; when the trail cannot be written, reads fail.</summary>
[Collection(AccessCollection.Name)]
public sealed class AuditCompletenessTests(AccessFixture fixture)
{
    [Fact]
    public async Task N_reads_make_N_audit_rows_with_who_what_and_why()
    {
        var (world, patient, caller) = await ArrangeAsync();
        var reader = world.Grains.GetGrain<IClinicalReaderGrain>(0);
        const int reads = 12;
        for (var i = 0; i < reads; i++)
        {
            var page = i % 3 == 2
                ? await reader.ReadAsync(caller, "Condition", patient + "-dx", history: i % 2 == 0)
                : await reader.EverythingAsync(new EverythingQuery(caller, patient, null, [], 100, 0));
            Assert.Equal(ReadStatus.Ok, page.Status);
        }
        // A denied read is audited too.
        var denied = await reader.EverythingAsync(new EverythingQuery(AccessWorld.Staff(caller.FacilityCode, StaffRole.FacilityAdministrator), patient, null, [], 100, 0));
        Assert.Equal(ReadStatus.Forbidden, denied.Status);

        Assert.Equal(reads, await fixture.CountAsync(
            "kmn_audit_event WHERE account_id = $1 AND event_type = 'record-access' AND outcome = 'success'", caller.AccountId!));
        Assert.Equal(1, await fixture.CountAsync(
            "kmn_audit_event WHERE account_id = $1 AND event_type = 'record-access' AND outcome = 'denied' AND reason = 'RoleNotPermitted'",
            caller.FacilityCode + "-08"));
        var log = await world.Grains.GetGrain<IAccessReviewGrain>(0).AccessLogAsync(AccessWorld.Operator, patient, 100);
        var last = log.First(e => e.AccountId == caller.AccountId);
        Assert.Equal(("医師", "TREAT", caller.FacilityCode), (last.Role, last.Purpose, last.FacilityCode));
        Assert.Contains(log, e => e.Categories.SequenceEqual(["病名", "処方・調剤"]) && e.ResourceCount == 2);
    }

    [Fact]
    public async Task When_the_audit_trail_cannot_be_written_reads_fail_and_nothing_is_returned()
    {
        var (world, patient, caller) = await ArrangeAsync();
        var reader = world.Grains.GetGrain<IClinicalReaderGrain>(0);
        await ExecuteAsync("ALTER TABLE kmn_audit_event ADD CONSTRAINT kmn_test_audit_down CHECK (event_type <> 'record-access') NOT VALID");
        try
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => reader.EverythingAsync(new EverythingQuery(caller, patient, null, [], 100, 0)));
            await Assert.ThrowsAsync<InvalidOperationException>(() => reader.ReadAsync(caller, "Condition", patient + "-dx", history: false));
            await Assert.ThrowsAsync<InvalidOperationException>(() => reader.SearchObservationsAsync(
                new ObservationQuery(caller, patient, null, null, null, null, 100, 0)));
        }
        finally
        {
            await ExecuteAsync("ALTER TABLE kmn_audit_event DROP CONSTRAINT kmn_test_audit_down");
        }
        Assert.Equal(0, await fixture.CountAsync("kmn_audit_event WHERE account_id = $1", caller.AccountId!));
        Assert.Equal(ReadStatus.Ok, (await reader.EverythingAsync(new EverythingQuery(caller, patient, null, [], 100, 0))).Status);
    }

    private async Task<(AccessWorld, string Patient, AccessCaller Caller)> ArrangeAsync()
    {
        var world = new AccessWorld(fixture);
        var source = await world.FacilityAsync(FacilityKind.Hospital);
        var reader = await world.FacilityAsync(FacilityKind.Hospital);
        var patient = await world.PatientAsync();
        await RecordSeeder.SeedAsync(fixture.Database, patient,
            [new SeedRow("Condition", patient + "-dx", null, source.Code, RecordCategory.Diagnoses),
             new SeedRow("MedicationRequest", patient + "-rx", null, source.Code, RecordCategory.Medications)]);
        await world.RegisterAsync(patient, source.Code, ConsentScope.All);
        return (world, patient, AccessWorld.Staff(reader.Code, StaffRole.Physician));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = fixture.Database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
