namespace KMN.Orleans.Grains.Abstractions.Accounts;

/// <summary>
/// One demo staff member with the card issued to them and their sign-in password, as the PKI tool writes
/// it to .kmn/pki/demo/demo-staff.json for the silo to load (demo only: real passwords never leave the user).
/// </summary>
[GenerateSerializer, Immutable, Alias("kmn.DemoStaffCard")]
public sealed record DemoStaffCard(
    [property: Id(0)] StaffAccountProfile Profile,
    [property: Id(1)] CardFacts Card,
    [property: Id(2)] string Password,
    [property: Id(3)] string Pkcs12Path,
    [property: Id(4)] string Pkcs12Password);

/// <summary>What a demo staff load did; <see cref="AlreadyLoaded"/> when the same cards were loaded before.</summary>
[GenerateSerializer, Immutable, Alias("kmn.DemoStaffReport")]
public sealed record DemoStaffReport(
    [property: Id(0)] bool AlreadyLoaded,
    [property: Id(1)] int Accounts,
    [property: Id(2)] DateTimeOffset LoadedAt);
