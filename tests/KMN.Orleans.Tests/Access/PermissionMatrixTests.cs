using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Records;
using static KMN.Orleans.Grains.Abstractions.Access.RecordCategory;

namespace KMN.Orleans.Tests.Access;

/// <summary>
/// The permission matrix, through the public reader interface: every role (and a facility's system) × every
/// facility kind × consent state (none, permitted, not listed, revoked, break-glass active, break-glass expired)
/// × category, from two source hospitals with different disclosure and 未告知 settings. Each read must return
/// exactly the expected resources: nothing missing, nothing extra.
/// </summary>
[Collection(AccessCollection.Name)]
public sealed class PermissionMatrixTests(AccessFixture fixture)
{
    public enum ConsentState { None, Permitted, NotListed, Revoked, BreakGlassActive, BreakGlassExpired }

    private static readonly RecordCategory[] Clinical = [Diagnoses, Medications, LabResults, Imaging, Documents, Checkups, BulletinBoard];
    private static readonly StaffRole?[] Callers = [.. Enum.GetValues<StaffRole>().Cast<StaffRole?>(), null];

    /// <summary>The expected default role × category matrix, written out independently of the code under test.</summary>
    private static HashSet<RecordCategory> Expected(FacilityKind kind, StaffRole? role)
    {
        var categories = role switch
        {
            null => Clinical,
            StaffRole.Physician or StaffRole.Dentist or StaffRole.Nurse => Clinical,
            StaffRole.Pharmacist => [Diagnoses, Medications, LabResults, Checkups, BulletinBoard],
            StaffRole.CareManager => [Diagnoses, Medications, Checkups, BulletinBoard],
            StaffRole.CareWorker => [Medications, BulletinBoard],
            StaffRole.Clerk => [BulletinBoard],
            _ => Array.Empty<RecordCategory>(),
        };
        var set = categories.ToHashSet();
        if (role is not null && kind is FacilityKind.CareHome or FacilityKind.CommunityCareCenter)
            set.ExceptWith([Imaging, Documents]);
        return set;
    }

    [Fact]
    public async Task Every_role_kind_consent_state_and_category_sees_exactly_what_it_may()
    {
        var world = new AccessWorld(fixture);
        // Source A discloses everything and shows its 未告知 diagnoses to physicians elsewhere; B hides images and
        // documents and keeps its 未告知 diagnoses to itself.
        var sourceA = await world.FacilityAsync(FacilityKind.Hospital);
        var sourceB = await world.FacilityAsync(FacilityKind.Hospital);
        var bystander = await world.FacilityAsync(FacilityKind.Clinic);
        Assert.True((await Grains.GetGrain<IFacilityGrain>(sourceA.Code).SetDisclosureAsync(AccessWorld.Admin(sourceA.Code),
            [.. Clinical], UndisclosedVisibility.PhysiciansOfOtherFacilities)).Succeeded);
        Assert.True((await Grains.GetGrain<IFacilityGrain>(sourceB.Code).SetDisclosureAsync(AccessWorld.Admin(sourceB.Code),
            [Diagnoses, Medications, LabResults, Checkups, BulletinBoard], UndisclosedVisibility.OwnFacilityOnly)).Succeeded);
        var disclosed = new Dictionary<string, RecordCategory[]>
        {
            [sourceA.Code] = Clinical,
            [sourceB.Code] = [Diagnoses, Medications, LabResults, Checkups, BulletinBoard],
        };
        var callerFacilities = new Dictionary<FacilityKind, string>();
        foreach (var kind in Enum.GetValues<FacilityKind>())
            callerFacilities[kind] = (await world.FacilityAsync(kind)).Code;
        var suspended = await world.FacilityAsync(FacilityKind.Hospital, FacilityStatus.Suspended);

        var failures = new List<string>();
        var reads = 0;
        foreach (var state in Enum.GetValues<ConsentState>())
        {
            var patient = await world.PatientAsync();
            var rows = Rows(patient, sourceA.Code, sourceB.Code);
            await RecordSeeder.SeedAsync(fixture.Database, patient, rows);
            await SetConsentAsync(world, state, patient, sourceA.Code, bystander.Code, callerFacilities[FacilityKind.Hospital]);

            foreach (var (kind, facility) in callerFacilities)
                foreach (var role in Callers)
                {
                    var caller = role is { } r ? AccessWorld.Staff(facility, r) : AccessCaller.FacilitySystem(facility);
                    var breakGlass = false;
                    if (state == ConsentState.BreakGlassActive && role is not null)
                        breakGlass = (await world.Record(patient).BreakGlassAsync(caller,
                            new BreakGlassRequest(BreakGlassReason.Unconscious, "救急搬送、意識なし"))).Granted;
                    var permitted = state is ConsentState.Permitted || breakGlass;
                    var roleCategories = Expected(kind, role);
                    var granted = permitted && roleCategories.Count > 0;
                    var expected = !granted ? [] : rows.Where(row => row.Expected == Basic || (roleCategories.Contains(row.Expected)
                            && disclosed[row.Source].Contains(row.Expected)
                            && (!row.Undisclosed || (row.Source == sourceA.Code && role is StaffRole.Physician or StaffRole.Dentist))))
                        .Select(row => row.Id).ToHashSet();
                    var label = $"{state} {kind} {role?.ToString() ?? "system"}";

                    reads += await CheckAsync(label, caller, patient, granted, expected, rows, failures,
                        perResource: state is ConsentState.Permitted or ConsentState.Revoked && kind is FacilityKind.Hospital or FacilityKind.CareHome or FacilityKind.Pharmacy);
                }
            var outsider = await CheckAsync($"{state} suspended facility", AccessWorld.Staff(suspended.Code, StaffRole.Physician),
                patient, false, [], rows, failures, perResource: false);
            reads += outsider;
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {reads} reads differ:\n{string.Join('\n', failures.Take(40))}");
    }

    private IGrainFactory Grains => fixture.Grains;

    private async Task SetConsentAsync(AccessWorld world, ConsentState state, string patient, string registeredAt, string bystander, string hospital)
    {
        switch (state)
        {
            case ConsentState.None:
                return;
            case ConsentState.Permitted:
                await world.RegisterAsync(patient, registeredAt, ConsentScope.All);
                return;
            case ConsentState.Revoked:
                await world.RegisterAsync(patient, registeredAt, ConsentScope.All);
                Assert.True((await world.Record(patient).RevokeConsentAsync(AccessWorld.Staff(registeredAt, StaffRole.Clerk), "本人の申し出")).Succeeded);
                return;
            default:
                await world.RegisterAsync(patient, registeredAt, ConsentScope.Only(bystander));
                break;
        }
        if (state == ConsentState.BreakGlassExpired)
        {
            var opened = await world.Record(patient).BreakGlassAsync(AccessWorld.Staff(hospital, StaffRole.Physician),
                new BreakGlassRequest(BreakGlassReason.LifeThreatening, "心肺停止で搬送"));
            Assert.True(opened.Granted, opened.Problem);
            await Task.Delay(AccessFixture.BreakGlassDuration + TimeSpan.FromMilliseconds(500));
        }
    }

    /// <summary>$everything, the Observation search and (optionally) every single resource read.</summary>
    private async Task<int> CheckAsync(string label, AccessCaller caller, string patient, bool granted, HashSet<string> expected,
        IReadOnlyList<SeedRow> rows, List<string> failures, bool perResource)
    {
        var reader = Grains.GetGrain<IClinicalReaderGrain>(0);
        var everything = await reader.EverythingAsync(new EverythingQuery(caller, patient, null, [], 1000, 0));
        Compare(label + " $everything", granted, expected, everything, failures);
        var observations = await reader.SearchObservationsAsync(new ObservationQuery(caller, patient, null, null, null, null, 1000, 0));
        Compare(label + " Observation?", granted, [.. expected.Where(id => rows.Single(r => r.Id == id).Type == "Observation")],
            observations, failures);
        var reads = 2;
        if (!perResource)
            return reads;
        foreach (var row in rows)
        {
            var single = await reader.ReadAsync(caller, row.Type, row.Id, history: false);
            var shouldSee = expected.Contains(row.Id);
            if ((single.Status == ReadStatus.Ok) != shouldSee || (shouldSee && single.Resources.Single().ResourceId != row.Id))
                failures.Add($"{label} read {row.Type}/{row.Id} ({row.Expected}{(row.Undisclosed ? ", 未告知" : "")}): {single.Status}, expected {(shouldSee ? "Ok" : "Forbidden")}");
            reads++;
        }
        return reads;
    }

    private static void Compare(string label, bool granted, HashSet<string> expected, RecordPage page, List<string> failures)
    {
        if (!granted)
        {
            if (page.Status != ReadStatus.Forbidden || !page.Resources.IsEmpty)
                failures.Add($"{label}: {page.Status} with {page.Resources.Length} resources, expected Forbidden");
            return;
        }
        var seen = page.Resources.Select(r => r.ResourceId).ToHashSet();
        if (page.Status != ReadStatus.Ok || !seen.SetEquals(expected) || page.Total != expected.Count)
            failures.Add($"{label}: {page.Status}, leaked [{string.Join(", ", seen.Except(expected))}], missing [{string.Join(", ", expected.Except(seen))}]");
    }

    private static ImmutableArray<SeedRow> Rows(string patient, string a, string b)
    {
        var rows = ImmutableArray.CreateBuilder<SeedRow>();
        rows.Add(new SeedRow("Patient", $"{patient}-pt", null, a, Basic));
        foreach (var (source, tag) in new[] { (a, "a"), (b, "b") })
        {
            string Id(string what) => $"{patient}-{tag}-{what}";
            rows.Add(new SeedRow("Condition", Id("dx"), "encounter-diagnosis", source, Diagnoses));
            rows.Add(new SeedRow("Condition", Id("dx-undisclosed"), "encounter-diagnosis", source, Diagnoses, Undisclosed: true));
            rows.Add(new SeedRow("MedicationRequest", Id("rx"), "outpatient", source, Medications));
            rows.Add(new SeedRow("Observation", Id("lab"), "laboratory", source, LabResults));
            rows.Add(new SeedRow("DiagnosticReport", Id("rad"), "RAD", source, Imaging));
            rows.Add(new SeedRow("ImagingStudy", Id("img"), null, source, Imaging));
            rows.Add(new SeedRow("DocumentReference", Id("doc"), null, source, Documents));
            rows.Add(new SeedRow("Observation", Id("vital"), "vital-signs", source, Checkups));
            rows.Add(new SeedRow("Communication", Id("board"), null, source, BulletinBoard));
        }
        return rows.ToImmutable();
    }
}
