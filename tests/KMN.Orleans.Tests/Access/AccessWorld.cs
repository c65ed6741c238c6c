using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Tests.Support;

namespace KMN.Orleans.Tests.Access;

/// <summary>Facilities, callers and consents for the access tests, made through the public grain interfaces.</summary>
public sealed class AccessWorld(AccessFixture fixture)
{
    public IGrainFactory Grains => fixture.Grains;

    public async Task<FacilityProfile> FacilityAsync(FacilityKind kind, FacilityStatus status = FacilityStatus.Active)
    {
        var profile = TestProfiles.Facility(kind: kind) with { Status = status };
        await Grains.GetGrain<IFacilityGrain>(profile.Code).RegisterAsync(profile);
        return profile;
    }

    public static AccessCaller Staff(string facility, StaffRole role) =>
        new(facility, $"{facility}-{(int)role:D2}", role, $"試験 {role.Japanese()}");

    public static AccessCaller Admin(string facility) => Staff(facility, StaffRole.FacilityAdministrator);

    public static AccessCaller Operator { get; } = new("4300000000", "network-operator-01", StaffRole.NetworkOperator, "運用 太郎");

    /// <summary>A demographics-only network patient (IPatientGrain) with the given id.</summary>
    public async Task<string> PatientAsync(string? id = null)
    {
        var profile = TestProfiles.Patient(id);
        await Grains.GetGrain<IPatientGrain>(profile.NetworkPatientId).EnrollAsync(profile);
        return profile.NetworkPatientId;
    }

    public IPatientRecordGrain Record(string patient) => Grains.GetGrain<IPatientRecordGrain>(patient);

    public async Task<ConsentReceipt> RegisterAsync(string patient, string atFacility, ConsentScope scope)
    {
        var receipt = await Record(patient).RegisterConsentAsync(Staff(atFacility, StaffRole.Clerk),
            new ConsentRegistration(new DateOnly(2026, 4, 1), new ConsentSignature(ConsentSigner.Self), scope, "scan://consent/" + patient));
        Assert.True(receipt.Succeeded, receipt.Problem);
        return receipt;
    }

    public static ImmutableArray<string> Codes(params string[] codes) => [.. codes];
}
