namespace KMN.Orleans.Grains.Abstractions.Staff;

/// <summary>
/// The staff account grain's administrator view (same key and activation as
/// <see cref="Accounts.IStaffAccountGrain"/>): status plus the last successful sign-in, never the password hash.
/// </summary>
[Alias("kmn.IStaffAccountOverviewGrain")]
public interface IStaffAccountOverviewGrain : IGrainWithStringKey
{
    /// <summary>Null when the account was never enrolled.</summary>
    [Alias("GetOverview")]
    Task<StaffMember?> GetOverviewAsync();
}
