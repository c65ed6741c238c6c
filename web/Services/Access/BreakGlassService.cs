using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Web.Auth;

namespace KMN.Orleans.Web.Services.Access;

/// <summary>Granted until <see cref="Until"/>, or refused with the grain's Japanese <see cref="Problem"/>.</summary>
public sealed record BreakGlassOutcome(bool Granted, DateTimeOffset? Until, string? Problem, ClusterUnavailableException? Error = null);

/// <summary>
/// 緊急時閲覧 for the signed-in staff member. Every request goes to the patient's record grain, empty reasons
/// included: the grain refuses and audits them, so a refusal here is never silent.
/// </summary>
public sealed class BreakGlassService(ICurrentStaff staff, IAccessSource source)
{
    /// <summary>Whether to offer the button: physicians only (the grain also checks the facility is an active hospital).</summary>
    public async Task<bool> MayAskAsync() => (await staff.GetAsync())?.Role == StaffRole.Physician;

    public async Task<BreakGlassOutcome> RequestAsync(string patientId, BreakGlassReason? reason, string? text)
    {
        if (await staff.GetAsync() is not { } caller)
            return new BreakGlassOutcome(false, null, null);
        try
        {
            // An unchosen reason goes as 0 (undefined), so the grain answers with its own message and audits it.
            var result = await source.BreakGlassAsync(caller, patientId, new BreakGlassRequest(reason ?? default, text ?? ""));
            return new BreakGlassOutcome(result.Granted, result.Until, result.Problem);
        }
        catch (ClusterUnavailableException e)
        {
            return new BreakGlassOutcome(false, null, null, e);
        }
    }

    /// <summary>When this caller's running break-the-glass grant on the patient ends; null when the chart opens otherwise.</summary>
    public async Task<DateTimeOffset?> EmergencyUntilAsync(string patientId)
    {
        if (await staff.GetAsync() is not { } caller)
            return null;
        try
        {
            var decision = await source.DecideAsync(caller, patientId);
            return decision.Basis == AccessBasis.BreakGlass ? decision.BreakGlassUntil : null;
        }
        catch (ClusterUnavailableException)
        {
            return null; // the chart's own read says the cluster is away
        }
    }
}
