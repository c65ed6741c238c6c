using KMN.Orleans.Grains.Abstractions.Accounts;

namespace KMN.Orleans.Grains.Staff;

/// <summary>
/// Persisted staff directory of one facility: the enrolled accounts' profiles by account id. A facility has
/// tens to a few hundred staff, so the whole list is rewritten on a change (enrollments are rare).
/// </summary>
[GenerateSerializer, Alias("kmn.FacilityStaffState")]
public sealed class FacilityStaffState
{
    [Id(0)] public Dictionary<string, StaffAccountProfile> Accounts { get; set; } = new(StringComparer.Ordinal);
}
