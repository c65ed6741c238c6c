using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Demo;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Grains.Persistence;
using Microsoft.Extensions.Logging;

namespace KMN.Orleans.Grains.Demo;

/// <summary>
/// Loads the demo consents and sharing settings once, through the record and facility grains (so every one is
/// versioned and audited like a real one). Runs after the demo network grain; progress is saved per batch.
/// </summary>
public sealed class DemoAccessGrain(
    [PersistentState("demo-access", StorageNames.State)] IPersistentState<DemoAccessState> state,
    TimeProvider clock,
    ILogger<DemoAccessGrain> logger) : Grain, IDemoAccessGrain
{
    private const int BatchSize = 50;

    public async Task<int> EnsureLoadedAsync(DemoNetworkSpec spec)
    {
        var s = state.State;
        if (s.Finished)
            return s.Consented;
        var generator = new DemoNetworkGenerator(spec.Seed);
        var facilities = generator.Facilities();
        if (!s.PoliciesSet)
        {
            await SetPoliciesAsync(facilities);
            s.PoliciesSet = true;
            await state.WriteOrDeactivateAsync(this);
        }
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var count = Math.Min(spec.Patients, DemoConsent.MaxPatients);
        for (var next = s.PatientsDone; next < count; next += BatchSize)
        {
            var batch = Enumerable.Range(next, Math.Min(BatchSize, count - next));
            var done = await Task.WhenAll(batch.Select(i => ConsentAsync(spec.Seed, i, generator.Patient(i, facilities), today)));
            s.Consented += done.Count(d => d);
            s.PatientsDone = next + done.Length;
            await state.WriteOrDeactivateAsync(this);
        }
        s.Finished = true;
        await state.WriteOrDeactivateAsync(this);
        logger.LogInformation("Demo consents loaded: {Consented} of {Patients} patients", s.Consented, count);
        return s.Consented;
    }

    private async Task<bool> ConsentAsync(int seed, int index, Abstractions.Patients.PatientProfile patient, DateOnly today)
    {
        if (DemoConsent.For(seed, index, patient, today) is not { } plan)
            return false;
        var clerk = new AccessCaller(plan.RegisteredAt, $"{plan.RegisteredAt}-demo", StaffRole.Clerk, "デモ 受付");
        var record = GrainFactory.GetGrain<IPatientRecordGrain>(patient.NetworkPatientId);
        if (await record.GetConsentAsync() is not null)
            return true; // a resumed batch: this one is done
        var receipt = await record.RegisterConsentAsync(clerk, plan.Registration);
        if (!receipt.Succeeded)
        {
            logger.LogWarning("Demo consent of {Patient} refused: {Problem}", patient.NetworkPatientId, receipt.Problem);
            return false;
        }
        if (plan.Revoke)
            await record.RevokeConsentAsync(clerk, "デモ: 本人の申し出により全部撤回");
        return true;
    }

    /// <summary>The first care home's care staff see less than the defaults; the last clinic keeps images and documents to itself.</summary>
    private async Task SetPoliciesAsync(IReadOnlyList<FacilityProfile> facilities)
    {
        if (facilities.FirstOrDefault(f => f.Kind == FacilityKind.CareHome) is { } careHome)
        {
            var home = GrainFactory.GetGrain<IFacilityGrain>(careHome.Code);
            var admin = Admin(careHome.Code);
            await home.SetRoleCategoriesAsync(admin, StaffRole.CareWorker, [RecordCategory.BulletinBoard]);
            await home.SetRoleCategoriesAsync(admin, StaffRole.CareManager, [RecordCategory.Medications, RecordCategory.Checkups, RecordCategory.BulletinBoard]);
        }
        if (facilities.LastOrDefault(f => f.Kind == FacilityKind.Clinic) is { } clinic)
            await GrainFactory.GetGrain<IFacilityGrain>(clinic.Code).SetDisclosureAsync(Admin(clinic.Code),
                [RecordCategory.Diagnoses, RecordCategory.Medications, RecordCategory.LabResults, RecordCategory.Checkups, RecordCategory.BulletinBoard],
                UndisclosedVisibility.OwnFacilityOnly);
    }

    private static AccessCaller Admin(string facility) =>
        new(facility, $"{facility}-admin", StaffRole.FacilityAdministrator, "デモ 施設管理者");
}
