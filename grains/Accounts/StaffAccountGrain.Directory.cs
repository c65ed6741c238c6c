using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Staff;

namespace KMN.Orleans.Grains.Accounts;

/// <summary>The account as its facility's administrator sees it, and keeping the facility's staff directory current.</summary>
public sealed partial class StaffAccountGrain
{
    public Task<StaffMember?> GetOverviewAsync()
    {
        var s = state.State;
        return Task.FromResult(s.Profile is { } profile
            ? new StaffMember(profile, s.Cards.Count, s.PasswordHash is not null, s.ConsecutiveFailures,
                s.LockedUntil > clock.GetUtcNow() ? s.LockedUntil : null, s.LastSignInAt)
            : null);
    }

    private async Task UpdateStaffDirectoryAsync(StaffAccountProfile? previous, StaffAccountProfile profile)
    {
        if (previous is not null && previous.FacilityCode != profile.FacilityCode)
            await GrainFactory.GetGrain<IFacilityStaffGrain>(previous.FacilityCode).ForgetAsync(AccountId);
        await GrainFactory.GetGrain<IFacilityStaffGrain>(profile.FacilityCode).RecordAsync(profile);
    }
}
