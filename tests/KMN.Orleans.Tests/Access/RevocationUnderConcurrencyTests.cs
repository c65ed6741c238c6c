using System.Collections.Concurrent;
using System.Diagnostics;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Tests.Access;

/// <summary>
/// Readers loop on both silos while the patient revokes: no read that starts after the revocation receipt
/// came back returns data, wherever it runs. (A read already under way when the receipt arrives may finish.)
/// </summary>
[Collection(AccessCollection.Name)]
public sealed class RevocationUnderConcurrencyTests(AccessFixture fixture)
{
    private sealed record Attempt(long StartedAt, ReadStatus Status, int Resources, int Silo);

    [Fact]
    public async Task No_read_started_after_the_receipt_returns_data_on_either_silo()
    {
        var world = new AccessWorld(fixture);
        var source = await world.FacilityAsync(FacilityKind.Hospital);
        var reader = await world.FacilityAsync(FacilityKind.Clinic);
        var patient = await world.PatientAsync();
        await RecordSeeder.SeedAsync(fixture.Database, patient,
            [new SeedRow("Condition", patient + "-dx", null, source.Code, RecordCategory.Diagnoses),
             new SeedRow("MedicationRequest", patient + "-rx", null, source.Code, RecordCategory.Medications)]);
        await world.RegisterAsync(patient, source.Code, ConsentScope.All);

        var attempts = new ConcurrentBag<Attempt>();
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            var silo = i % 2;
            var grains = fixture.SiloGrains(silo);
            var caller = AccessWorld.Staff(reader.Code, StaffRole.Physician) with { AccountId = $"{reader.Code}-loop{i}" };
            while (!stop.IsCancellationRequested)
            {
                var started = clock.ElapsedTicks;
                var page = await grains.GetGrain<IClinicalReaderGrain>(0).EverythingAsync(new EverythingQuery(caller, patient, null, [], 100, 0));
                attempts.Add(new Attempt(started, page.Status, page.Resources.Length, silo));
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var receipt = await world.Record(patient).RevokeConsentAsync(AccessWorld.Staff(reader.Code, StaffRole.Clerk), "全部撤回");
        var receivedAt = clock.ElapsedTicks;
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await stop.CancelAsync();
        await Task.WhenAll(loops);

        Assert.True(receipt.Succeeded, receipt.Problem);
        Assert.Equal(2, receipt.Version);
        Assert.Equal(ConsentChange.Revoked, receipt.Change);
        var before = attempts.Where(a => a.StartedAt < receivedAt).ToList();
        var after = attempts.Where(a => a.StartedAt > receivedAt).ToList();
        Assert.Contains(before, a => a.Status == ReadStatus.Ok && a.Resources == 2);
        Assert.All([0, 1], silo => Assert.Contains(after, a => a.Silo == silo));
        Assert.All(after, a => Assert.True(a.Status == ReadStatus.Forbidden && a.Resources == 0,
            $"a read started after the receipt returned {a.Status} with {a.Resources} resources on silo {a.Silo}"));
    }
}
