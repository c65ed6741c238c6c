using KMN.Orleans.Grains.Abstractions;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Tests.Access;

/// <summary>A facility administrator's settings hold from the clinician's next read; nobody else may change them.</summary>
[Collection(AccessCollection.Name)]
public sealed class FacilityPolicyTests(AccessFixture fixture)
{
    [Fact]
    public async Task A_changed_role_matrix_and_disclosure_hold_from_the_next_read_with_the_reason()
    {
        var world = new AccessWorld(fixture);
        var source = await world.FacilityAsync(FacilityKind.Hospital);
        var careHome = await world.FacilityAsync(FacilityKind.CareHome);
        var patient = await world.PatientAsync();
        await RecordSeeder.SeedAsync(fixture.Database, patient,
            [new SeedRow("Condition", patient + "-dx", null, source.Code, RecordCategory.Diagnoses),
             new SeedRow("MedicationRequest", patient + "-rx", null, source.Code, RecordCategory.Medications)]);
        await world.RegisterAsync(patient, source.Code, ConsentScope.All);
        var careWorker = AccessWorld.Staff(careHome.Code, StaffRole.CareWorker);
        var reader = world.Grains.GetGrain<IClinicalReaderGrain>(0);
        Task<RecordPage> ReadAsync() => reader.EverythingAsync(new EverythingQuery(careWorker, patient, null, [], 100, 0));

        var before = await ReadAsync();
        Assert.Equal([patient + "-rx"], before.Resources.Select(r => r.ResourceId));
        Assert.Contains(before.Hidden, h => h is { Category: RecordCategory.Diagnoses, Reason: AccessReason.RoleNotPermitted });

        var home = world.Grains.GetGrain<IFacilityGrain>(careHome.Code);
        var changed = await home.SetRoleCategoriesAsync(AccessWorld.Admin(careHome.Code), StaffRole.CareWorker,
            [RecordCategory.Diagnoses, RecordCategory.Medications]);
        Assert.Equal(WriteOutcome.Updated, changed.Outcome);
        Assert.Equal(2, (await ReadAsync()).Resources.Length);

        Assert.True((await world.Grains.GetGrain<IFacilityGrain>(source.Code).SetDisclosureAsync(AccessWorld.Admin(source.Code),
            [RecordCategory.Medications], UndisclosedVisibility.OwnFacilityOnly)).Succeeded);
        var afterDisclosure = await ReadAsync();
        Assert.Equal([patient + "-rx"], afterDisclosure.Resources.Select(r => r.ResourceId));
        Assert.Contains(afterDisclosure.Hidden, h => h is { Category: RecordCategory.Diagnoses, Reason: AccessReason.NotDisclosed } && h.SourceFacility == source.Code);
        var single = await reader.ReadAsync(careWorker, "Condition", patient + "-dx", history: false);
        Assert.Equal((ReadStatus.Forbidden, AccessReason.NotDisclosed), (single.Status, single.DeniedBecause));
    }

    [Fact]
    public async Task Only_the_facilitys_own_administrator_changes_its_settings_and_only_operators_its_status()
    {
        var world = new AccessWorld(fixture);
        var clinic = await world.FacilityAsync(FacilityKind.Clinic);
        var other = await world.FacilityAsync(FacilityKind.Clinic);
        var grain = world.Grains.GetGrain<IFacilityGrain>(clinic.Code);
        var before = (await grain.GetAccessProfileAsync())!.Policy;

        var refusals = new[]
        {
            await grain.SetRoleCategoriesAsync(AccessWorld.Admin(other.Code), StaffRole.Clerk, [RecordCategory.Diagnoses]),
            await grain.SetRoleCategoriesAsync(AccessWorld.Staff(clinic.Code, StaffRole.Physician), StaffRole.Clerk, [RecordCategory.Diagnoses]),
            await grain.SetDisclosureAsync(AccessCaller.FacilitySystem(clinic.Code), [], UndisclosedVisibility.OwnFacilityOnly),
            await grain.SetStatusAsync(AccessWorld.Admin(clinic.Code), FacilityStatus.Suspended),
        };

        Assert.All(refusals, r => Assert.False(r.Succeeded));
        Assert.Contains("施設管理者", refusals[0].Problem);
        Assert.Contains("ネットワーク運用者", refusals[3].Problem);
        var after = (await grain.GetAccessProfileAsync())!;
        Assert.True(after.Policy.SameAs(before));
        Assert.Equal(FacilityStatus.Active, after.Status);
        Assert.Equal(4, await fixture.CountAsync("kmn_audit_event WHERE chain_key = $1 AND outcome = 'denied'", "facility:" + clinic.Code));

        Assert.Equal(WriteOutcome.Updated, (await grain.SetStatusAsync(AccessWorld.Operator, FacilityStatus.Suspended)).Outcome);
        Assert.Equal(FacilityStatus.Suspended, (await grain.GetProfileAsync())!.Status);
    }
}
