using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Facilities;
using Orleans.Concurrency;

namespace KMN.Orleans.Grains.Abstractions.Staff;

/// <summary>
/// The staff directory of one facility, keyed by its facility code: the accounts enrolled there. The staff
/// account grain keeps it current on every enrollment; the facility's administrator (or a network operator)
/// reads it and may unlock a locked account of that facility.
/// </summary>
[Alias("kmn.IFacilityStaffGrain")]
public interface IFacilityStaffGrain : IGrainWithStringKey
{
    /// <summary>Called by the account grain after an enrollment: adds or updates the entry. Idempotent.</summary>
    [Alias("Record")]
    Task RecordAsync(StaffAccountProfile profile);

    /// <summary>Called by the account grain when an account moved to another facility.</summary>
    [Alias("Forget")]
    Task ForgetAsync(string accountId);

    /// <summary>The staff with their account status, ordered by kana. This facility's administrator or an operator.</summary>
    /// <remarks>
    /// Interleaves: it asks the account grains, and an account grain that is enrolling waits on this grain's
    /// <see cref="RecordAsync"/>. It only reads a snapshot taken before its first await, so that is safe.
    /// </remarks>
    [Alias("List"), AlwaysInterleave]
    Task<StaffList> ListAsync(AccessCaller caller);

    /// <summary>Clears the lockout of one account of this facility. Its administrator or an operator; audited.</summary>
    [Alias("Unlock"), AlwaysInterleave]
    Task<PolicyChangeResult> UnlockAsync(AccessCaller caller, string accountId);
}

/// <summary>The staff list, or why the caller may not see it (Japanese).</summary>
[GenerateSerializer, Immutable, Alias("kmn.StaffList")]
public sealed record StaffList(
    [property: Id(0)] ImmutableArray<StaffMember> Members,
    [property: Id(1)] string? Problem)
{
    public static StaffList Refused(string problem) => new([], problem);
}
