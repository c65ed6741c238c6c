using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Services.Access;

namespace KMN.Orleans.PortalTests.BreakGlass;

/// <summary>
/// The record and review grains as the access pages see them: break-the-glass refused like the grain refuses
/// (non-physician, empty words), granted otherwise; an access log and a review queue kept in lists.
/// </summary>
public sealed class FakeAccessSource : IAccessSource
{
    public TimeSpan Grant { get; set; } = TimeSpan.FromMinutes(15);

    public List<(AccessCaller Caller, string PatientId, BreakGlassRequest Request)> Requests { get; } = [];
    public List<(long Id, string Note)> Closed { get; } = [];
    public List<AuditEntry> Log { get; } = [];
    public List<BreakGlassReview> Reviews { get; } = [];
    public DateTimeOffset? GrantedUntil { get; set; }
    public string? LogRefusal { get; set; }

    /// <summary>Called when a grant is given, e.g. to let the chart's reads succeed from then on.</summary>
    public Action? OnGranted { get; set; }

    public Task<BreakGlassResult> BreakGlassAsync(AccessCaller caller, string patientId, BreakGlassRequest request)
    {
        Requests.Add((caller, patientId, request));
        if (caller.Role != StaffRole.Physician)
            return Task.FromResult(BreakGlassResult.Refused("緊急時閲覧は病院の医師のみが行えます。"));
        if (!Enum.IsDefined(request.Reason))
            return Task.FromResult(BreakGlassResult.Refused("緊急時閲覧の理由を選択してください。"));
        if (string.IsNullOrWhiteSpace(request.Text))
            return Task.FromResult(BreakGlassResult.Refused("緊急時閲覧の理由を具体的に入力してください。"));
        GrantedUntil = DateTimeOffset.UtcNow + Grant;
        OnGranted?.Invoke();
        return Task.FromResult(new BreakGlassResult(true, GrantedUntil, 7, null));
    }

    public Task<AccessDecision> DecideAsync(AccessCaller caller, string patientId) => Task.FromResult(
        GrantedUntil is { } until && until > DateTimeOffset.UtcNow
            ? new AccessDecision(patientId, AccessBasis.BreakGlass, [], [], 1, until, null)
            : new AccessDecision(patientId, AccessBasis.Consent, [], [], 1, null, null));

    public Task<ImmutableArray<AuditEntry>> AccessLogAsync(AccessCaller caller, string patientId, int limit)
    {
        if (LogRefusal is { } refusal)
            throw new UnauthorizedAccessException(refusal);
        lock (Log)
            return Task.FromResult(Log.Where(e => e.PatientId == patientId).OrderByDescending(e => e.Seq).Take(limit).ToImmutableArray());
    }

    public Task<ImmutableArray<BreakGlassReview>> OpenReviewsAsync(AccessCaller caller) =>
        caller.Role == StaffRole.NetworkOperator
            ? Task.FromResult(Reviews.Where(r => r.ReviewedAt is null).ToImmutableArray())
            : Task.FromException<ImmutableArray<BreakGlassReview>>(new UnauthorizedAccessException("ネットワーク運用者のみが行えます。"));

    public Task<bool> CloseReviewAsync(AccessCaller caller, long reviewId, string note)
    {
        var index = Reviews.FindIndex(r => r.Opening.ReviewId == reviewId && r.ReviewedAt is null);
        if (index < 0)
            return Task.FromResult(false);
        Reviews[index] = Reviews[index] with { ReviewedAt = DateTimeOffset.UtcNow, ReviewedBy = caller.AccountId, Note = note };
        Closed.Add((reviewId, note));
        return Task.FromResult(true);
    }

    public static AuditEntry Entry(long seq, string patientId, string action = "read", string purpose = "TREAT",
        string outcome = "success", string? reason = null, string? query = null) =>
        new(seq, new DateTimeOffset(2024, 6, 10, 0, 30, 0, TimeSpan.Zero).AddMinutes(seq), action == "break-glass" ? "break-glass" : "record-access",
            action, outcome, reason, "doc-1", "熊本 一郎", ChartFixtures.Hospital, "医師", patientId, purpose,
            ["処方", "検体検査"], 12, query ?? $"Patient/{patientId}/$everything offset=0");

    public static BreakGlassReview Review(long id, string patientId) => new(
        new BreakGlassAlert(id, patientId, "doc-1", "熊本 一郎", ChartFixtures.Hospital, BreakGlassReason.Unconscious, "救急搬送、意識レベル低下",
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(15), ChartFixtures.Clinic), null, null, null);
}

/// <summary>Live notices the test fires by hand; counts subscriptions so disposal can be checked.</summary>
public sealed class FakeAccessNotices : IAccessNotices
{
    private readonly List<(string Patient, Func<Task> Changed)> _logs = [];
    private readonly List<(string Key, Func<BreakGlassAlert, Task> Alert)> _alerts = [];

    public int ActiveLogWatchers { get { lock (_logs) return _logs.Count; } }

    public IReadOnlyList<string> AlertKeys { get { lock (_alerts) return [.. _alerts.Select(a => a.Key)]; } }

    public Task<IAsyncDisposable> WatchAccessLogAsync(string patientId, Func<Task> changed)
    {
        var entry = (patientId, changed);
        lock (_logs)
            _logs.Add(entry);
        return Task.FromResult<IAsyncDisposable>(new Handle(() => { lock (_logs) _logs.Remove(entry); }));
    }

    public Task<IAsyncDisposable> WatchBreakGlassAsync(string key, Func<BreakGlassAlert, Task> alert)
    {
        var entry = (key, alert);
        lock (_alerts)
            _alerts.Add(entry);
        return Task.FromResult<IAsyncDisposable>(new Handle(() => { lock (_alerts) _alerts.Remove(entry); }));
    }

    public Task LogChangedAsync(string patientId)
    {
        List<Func<Task>> watchers;
        lock (_logs)
            watchers = [.. _logs.Where(l => l.Patient == patientId).Select(l => l.Changed)];
        return Task.WhenAll(watchers.Select(w => w()));
    }

    public Task AlertAsync(string key, BreakGlassAlert alert)
    {
        List<Func<BreakGlassAlert, Task>> watchers;
        lock (_alerts)
            watchers = [.. _alerts.Where(a => a.Key == key).Select(a => a.Alert)];
        return Task.WhenAll(watchers.Select(w => w(alert)));
    }

    private sealed class Handle(Action dispose) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            dispose();
            return ValueTask.CompletedTask;
        }
    }
}
