using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.Web.Auth;
using KMN.Orleans.Web.Chart.Search;

namespace KMN.Orleans.Web.Services.Chart;

public enum PatientSearchStatus
{
    Ok,
    NotSignedIn,
    Empty,
    Unsupported,
    Unavailable,

    /// <summary>The 緊急時閲覧 search was asked by someone who is not a physician (医師).</summary>
    EmergencyNotPermitted,
}

/// <summary>
/// Which patients a search returns: those the caller may open now (the ordinary search), or, for the
/// 緊急時閲覧 path, those outside the caller's consent that a physician may open by break-the-glass.
/// </summary>
public enum PatientSearchScope
{
    Openable,
    Emergency,
}

/// <summary>The patients found (at most <see cref="PatientSearchService.Limit"/>); <see cref="Facility"/> is the caller's, for its chart numbers.</summary>
public sealed record PatientSearchResult(PatientSearchStatus Status, IReadOnlyList<PatientProfile> Patients, bool Truncated,
    ClusterUnavailableException? Error = null, string? Facility = null)
{
    public static PatientSearchResult Of(PatientSearchStatus status) => new(status, [], false);
}

/// <summary>
/// Patient search for the signed-in staff member (chart numbers are their own facility's). Each match is checked
/// against the access decision, in parallel (the directory returns at most <see cref="Limit"/> + 1), so the
/// ordinary search lists only charts that open and the 緊急時閲覧 search only those that do not.
/// </summary>
public sealed class PatientSearchService(ICurrentStaff staff, IPatientDirectorySource directory, IPatientAccessSource access)
{
    public const int Limit = 50;

    public async Task<PatientSearchResult> SearchAsync(PatientSearchQuery query, PatientSearchScope scope = PatientSearchScope.Openable,
        CancellationToken cancellationToken = default)
    {
        var caller = await staff.GetAsync();
        if (caller is null)
            return PatientSearchResult.Of(PatientSearchStatus.NotSignedIn);
        if (scope == PatientSearchScope.Emergency && (caller.IsFacilitySystem || caller.Role != StaffRole.Physician))
            return PatientSearchResult.Of(PatientSearchStatus.EmergencyNotPermitted);
        if (query.IsEmpty)
            return PatientSearchResult.Of(PatientSearchStatus.Empty);
        try
        {
            // One more than shown tells whether the list was cut.
            var found = await directory.SearchAsync(query, caller, Limit + 1, cancellationToken);
            if (!found.Supported)
                return PatientSearchResult.Of(PatientSearchStatus.Unsupported);
            var inScope = await InScopeAsync(found.Patients, caller, scope, cancellationToken);
            var ordered = inScope.OrderBy(p => p.FullNameKana, StringComparer.Ordinal).ThenBy(p => p.BirthDate).ToList();
            var truncated = ordered.Count > Limit || found.Patients.Count > Limit;
            return new PatientSearchResult(PatientSearchStatus.Ok, [.. ordered.Take(Limit)], truncated, null, caller.FacilityCode);
        }
        catch (ClusterUnavailableException ex)
        {
            return new PatientSearchResult(PatientSearchStatus.Unavailable, [], false, ex);
        }
    }

    private async Task<IEnumerable<PatientProfile>> InScopeAsync(IReadOnlyList<PatientProfile> patients, AccessCaller caller,
        PatientSearchScope scope, CancellationToken cancellationToken)
    {
        var decisions = await Task.WhenAll(patients.Select(p => access.DecideAsync(caller, p.NetworkPatientId, cancellationToken)));
        var openable = scope == PatientSearchScope.Openable;
        return patients.Where((_, i) => decisions[i].Granted == openable);
    }
}
