using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Tests.Access;

namespace KMN.Orleans.Tests.FacilityAdmin;

/// <summary>A facility's administrator sees what its own staff opened, and no other facility's.</summary>
[Collection(AccessCollection.Name)]
public sealed class FacilityAccessHistoryTests(AccessFixture fixture)
{
    [Fact]
    public async Task Reads_by_the_facilitys_staff_are_listed_for_its_administrator_and_operators_only()
    {
        var world = new AccessWorld(fixture);
        var hospital = await world.FacilityAsync(FacilityKind.Hospital);
        var clinic = await world.FacilityAsync(FacilityKind.Clinic);
        var patient = await world.PatientAsync();
        await world.RegisterAsync(patient, hospital.Code, ConsentScope.All);
        var reader = world.Grains.GetGrain<IClinicalReaderGrain>(0);
        await reader.EverythingAsync(new EverythingQuery(AccessWorld.Staff(clinic.Code, StaffRole.Physician), patient, null, [], 10, 0));
        await reader.EverythingAsync(new EverythingQuery(AccessWorld.Staff(hospital.Code, StaffRole.Nurse), patient, null, [], 10, 0));
        var review = world.Grains.GetGrain<IAccessReviewGrain>(0);

        var clinicHistory = await review.FacilityAccessHistoryAsync(AccessWorld.Admin(clinic.Code), clinic.Code, 50);
        var operatorView = await review.FacilityAccessHistoryAsync(AccessWorld.Operator, hospital.Code, 50);
        var refused = await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            review.FacilityAccessHistoryAsync(AccessWorld.Admin(clinic.Code), hospital.Code, 50));

        var entry = Assert.Single(clinicHistory);
        Assert.Equal((patient, "医師", clinic.Code), (entry.PatientId, entry.Role, entry.FacilityCode));
        Assert.All(operatorView, e => Assert.Equal(hospital.Code, e.FacilityCode));
        Assert.Contains(operatorView, e => e.Role == "看護師" && e.PatientId == patient);
        Assert.Contains("施設管理者またはネットワーク運用者のみ", refused.Message);
        Assert.Equal(1, await fixture.CountAsync(
            "kmn_audit_event WHERE event_type = 'audit-query' AND action = 'facility-access-history' AND outcome = 'denied' AND query = $1",
            hospital.Code));
    }
}
