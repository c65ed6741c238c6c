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

/// <summary>Patient search for the signed-in staff member (chart numbers are their own facility's).</summary>
public sealed class PatientSearchService(ICurrentStaff staff, IPatientDirectorySource directory)
{
    public const int Limit = 50;

    public async Task<PatientSearchResult> SearchAsync(PatientSearchQuery query, PatientSearchScope scope = PatientSearchScope.Openable,
        CancellationToken cancellationToken = default)
    {
        var caller = await staff.GetAsync();
        if (caller is null)
            return PatientSearchResult.Of(PatientSearchStatus.NotSignedIn);
        if (query.IsEmpty)
            return PatientSearchResult.Of(PatientSearchStatus.Empty);
        try
        {
            // One more than shown tells whether the list was cut.
            var found = await directory.SearchAsync(query, caller, Limit + 1, cancellationToken);
            if (!found.Supported)
                return PatientSearchResult.Of(PatientSearchStatus.Unsupported);
            var ordered = found.Patients.OrderBy(p => p.FullNameKana, StringComparer.Ordinal).ThenBy(p => p.BirthDate).ToList();
            return new PatientSearchResult(PatientSearchStatus.Ok, [.. ordered.Take(Limit)], ordered.Count > Limit, null, caller.FacilityCode);
        }
        catch (ClusterUnavailableException ex)
        {
            return new PatientSearchResult(PatientSearchStatus.Unavailable, [], false, ex);
        }
    }
}
