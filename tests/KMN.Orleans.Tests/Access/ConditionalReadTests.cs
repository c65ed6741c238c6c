using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Tests.Access;

/// <summary>
/// The chart's conditional read: an unchanged record answers "not modified" without JSON, yet is decided and
/// audited like any read; a new row, another caller's narrower view or a revocation never gets that answer.
/// </summary>
[Collection(AccessCollection.Name)]
public sealed class ConditionalReadTests(AccessFixture fixture)
{
    [Fact]
    public async Task An_unchanged_record_is_not_sent_again_but_every_open_is_audited()
    {
        var (world, patient, source, physician, _) = await ArrangeAsync();
        var first = await ReadAsync(world, physician, patient, ifNoneMatch: null);
        Assert.Equal((ReadStatus.Ok, 2, false), (first.Status, first.Resources.Length, first.NotModified));
        Assert.NotNull(first.ETag);

        var again = await ReadAsync(world, physician, patient, first.ETag);
        Assert.Equal((ReadStatus.Ok, true, 2, first.ETag), (again.Status, again.NotModified, again.Total, again.ETag));
        Assert.Empty(again.Resources);
        Assert.Equal(2, await fixture.CountAsync(
            "kmn_audit_event WHERE account_id = $1 AND outcome = 'success' AND resource_count = 2", physician.AccountId!));

        await RecordSeeder.SeedAsync(fixture.Database, patient, [new SeedRow("Condition", patient + "-dx2", null, source, RecordCategory.Diagnoses)]);
        var changed = await ReadAsync(world, physician, patient, first.ETag);
        Assert.Equal((false, 3), (changed.NotModified, changed.Resources.Length));
        Assert.NotEqual(first.ETag, changed.ETag);
    }

    [Fact]
    public async Task A_caller_who_may_see_less_never_matches_a_fuller_copy()
    {
        var (world, patient, _, physician, pharmacist) = await ArrangeAsync();
        var full = await ReadAsync(world, physician, patient, ifNoneMatch: null);
        var narrower = await ReadAsync(world, pharmacist, patient, full.ETag);
        Assert.False(narrower.NotModified);
        Assert.DoesNotContain(narrower.Resources, r => r.ResourceType == "DocumentReference");
        Assert.NotEqual(full.ETag, narrower.ETag);
    }

    [Fact]
    public async Task After_revocation_a_held_tag_gets_the_refusal()
    {
        var (world, patient, source, physician, _) = await ArrangeAsync();
        var first = await ReadAsync(world, physician, patient, ifNoneMatch: null);
        await world.Record(patient).RevokeConsentAsync(AccessWorld.Staff(source, StaffRole.Clerk), "本人より全部撤回の申し出");

        var after = await ReadAsync(world, physician, patient, first.ETag);
        Assert.Equal((ReadStatus.Forbidden, false, null), (after.Status, after.NotModified, after.ETag));
        Assert.Empty(after.Resources);
    }

    private static Task<RecordPage> ReadAsync(AccessWorld world, AccessCaller caller, string patient, string? ifNoneMatch) =>
        world.Grains.GetGrain<IClinicalReaderGrain>(0).EverythingAsync(
            new EverythingQuery(caller, patient, null, [], 100, 0, Conditional: true, IfNoneMatch: ifNoneMatch));

    private async Task<(AccessWorld, string Patient, string Source, AccessCaller Physician, AccessCaller Pharmacist)> ArrangeAsync()
    {
        var world = new AccessWorld(fixture);
        var source = await world.FacilityAsync(FacilityKind.Hospital);
        var hospital = await world.FacilityAsync(FacilityKind.Hospital);
        var pharmacy = await world.FacilityAsync(FacilityKind.Pharmacy);
        var patient = await world.PatientAsync();
        await RecordSeeder.SeedAsync(fixture.Database, patient,
            [new SeedRow("Condition", patient + "-dx", null, source.Code, RecordCategory.Diagnoses),
             new SeedRow("DocumentReference", patient + "-doc", null, source.Code, RecordCategory.Documents)]);
        await world.RegisterAsync(patient, source.Code, ConsentScope.All);
        return (world, patient, source.Code, AccessWorld.Staff(hospital.Code, StaffRole.Physician), AccessWorld.Staff(pharmacy.Code, StaffRole.Pharmacist));
    }
}
