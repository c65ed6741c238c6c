using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using Orleans.Concurrency;

namespace KMN.Orleans.Grains.Abstractions.Facilities;

/// <summary>One participating facility, keyed by its 10-digit facility code, with its sharing permissions.</summary>
[Alias("kmn.IFacilityGrain")]
public interface IFacilityGrain : IGrainWithStringKey
{
    /// <summary>The profile, or null when the facility never registered.</summary>
    [Alias("GetProfile"), ReadOnly]
    Task<FacilityProfile?> GetProfileAsync();

    /// <summary>Registers or updates the facility. Idempotent: the same profile twice writes once.</summary>
    [Alias("Register")]
    Task<WriteOutcome> RegisterAsync(FacilityProfile profile);

    /// <summary>Profile, status and sharing policy (defaults for its kind until changed); null when unknown.</summary>
    [Alias("GetAccessProfile"), ReadOnly]
    Task<FacilityAccessProfile?> GetAccessProfileAsync();

    /// <summary>The categories one staff role of this facility may see. This facility's administrator only; audited.</summary>
    [Alias("SetRoleCategories")]
    Task<PolicyChangeResult> SetRoleCategoriesAsync(AccessCaller by, StaffRole role, ImmutableArray<RecordCategory> categories);

    /// <summary>What this facility discloses to others, and who sees its 未告知 diagnoses. Its administrator only; audited.</summary>
    [Alias("SetDisclosure")]
    Task<PolicyChangeResult> SetDisclosureAsync(AccessCaller by, ImmutableArray<RecordCategory> disclosed, UndisclosedVisibility undisclosed);

    /// <summary>Membership status (申請中 / 有効 / 停止 / 退会). Network operators only; audited.</summary>
    [Alias("SetStatus")]
    Task<PolicyChangeResult> SetStatusAsync(AccessCaller by, FacilityStatus status);
}
