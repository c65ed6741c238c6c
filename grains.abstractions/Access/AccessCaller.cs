using KMN.Orleans.Grains.Abstractions.Accounts;

namespace KMN.Orleans.Grains.Abstractions.Access;

/// <summary>
/// Who is asking for records: a signed-in staff member (account, facility, role) or a facility's own system
/// over the mutual-TLS API (no account, no role). The access decision and the audit trail take this, never a
/// bare facility code, so every read is attributed to a person where there is one.
/// </summary>
[GenerateSerializer, Immutable, Alias("kmn.AccessCaller")]
public sealed record AccessCaller(
    [property: Id(0)] string FacilityCode,
    [property: Id(1)] string? AccountId,
    [property: Id(2)] StaffRole? Role,
    [property: Id(3)] string DisplayName)
{
    public bool IsFacilitySystem => AccountId is null;

    public static AccessCaller FacilitySystem(string facilityCode) => new(facilityCode, null, null, facilityCode);
}
