using KMN.Orleans.Web.Auth;
using KMN.Orleans.Web.Services.Chart;

namespace KMN.Orleans.Web.Services.Access;

public enum AccessLogStatus
{
    Ok,
    NotSignedIn,
    Forbidden,
    Unavailable,
}

/// <summary>The rows (newest first), or why not: <see cref="Problem"/> is the grain's Japanese refusal.</summary>
public sealed record AccessLogResult(AccessLogStatus Status, IReadOnlyList<AccessLogRow> Rows, string? Problem = null,
    ClusterUnavailableException? Error = null);

/// <summary>
/// A patient's access log for the signed-in staff member: operators see every patient's, facility staff see it
/// while their facility may open the chart (the review grain decides and audits the look itself).
/// </summary>
public sealed class AccessLogService(ICurrentStaff staff, IAccessSource source, IFacilityNamesSource facilities, IAccessNotices notices)
{
    public const int Limit = 200;

    public async Task<AccessLogResult> LoadAsync(string patientId)
    {
        if (await staff.GetAsync() is not { } caller)
            return new AccessLogResult(AccessLogStatus.NotSignedIn, []);
        try
        {
            var entries = await source.AccessLogAsync(caller, patientId, Limit);
            var names = await facilities.GetNamesAsync();
            return new AccessLogResult(AccessLogStatus.Ok, [.. entries.Select(e => AccessLogRow.From(e, names.NameOf))]);
        }
        catch (UnauthorizedAccessException e)
        {
            return new AccessLogResult(AccessLogStatus.Forbidden, [], e.Message);
        }
        catch (ClusterUnavailableException e)
        {
            return new AccessLogResult(AccessLogStatus.Unavailable, [], null, e);
        }
    }

    /// <summary>Calls <paramref name="changed"/> when a new access to the patient is audited; null if the cluster is away.</summary>
    public async Task<IAsyncDisposable?> WatchAsync(string patientId, Func<Task> changed)
    {
        try
        {
            return await notices.WatchAccessLogAsync(patientId, changed);
        }
        catch (ClusterUnavailableException)
        {
            return null;
        }
    }
}
