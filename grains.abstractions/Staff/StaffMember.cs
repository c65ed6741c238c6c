using KMN.Orleans.Grains.Abstractions.Accounts;

namespace KMN.Orleans.Grains.Abstractions.Staff;

/// <summary>
/// One row of a facility's staff list as its administrator sees it: who, which role, how many cards are
/// bound, whether a password is set, whether the account is locked, and when it last signed in.
/// </summary>
[GenerateSerializer, Immutable, Alias("kmn.StaffMember")]
public sealed record StaffMember(
    [property: Id(0)] StaffAccountProfile Profile,
    [property: Id(1)] int Cards,
    [property: Id(2)] bool HasPassword,
    [property: Id(3)] int ConsecutiveFailures,
    [property: Id(4)] DateTimeOffset? LockedUntil,
    [property: Id(5)] DateTimeOffset? LastSignInAt)
{
    public bool Locked => LockedUntil is not null;
}
