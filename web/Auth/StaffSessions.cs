using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace KMN.Orleans.Web.Auth;

/// <summary>
/// The server's view of open sessions: last activity (requests and clicks) and sessions ended early (sign-out,
/// idle on an open page). Kept in this process's memory: Blazor Server already pins a browser to one web
/// process; after a restart the cookie's own idle expiry and the card checks still apply.
/// </summary>
public sealed class StaffSessions(IMemoryCache memory, TimeProvider clock, IOptions<StaffSessionOptions> options)
{
    public string Start()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Touch(id);
        return id;
    }

    /// <summary>Records activity now (a request or a click on an open page).</summary>
    public void Touch(string sessionId)
    {
        var entry = Entry(sessionId);
        lock (entry)
            entry.LastActivity = clock.GetUtcNow();
    }

    public void End(string sessionId, SessionEnd why)
    {
        var entry = Entry(sessionId);
        lock (entry)
            entry.Ended ??= why;
    }

    public SessionEnd? EndedBecause(string sessionId) =>
        memory.TryGetValue<Activity>(Key(sessionId), out var entry) ? entry!.Ended : null;

    /// <summary>How long since the last activity; zero for a session this process has not seen yet.</summary>
    public TimeSpan IdleFor(string sessionId)
    {
        if (!memory.TryGetValue<Activity>(Key(sessionId), out var entry))
            return TimeSpan.Zero;
        lock (entry!)
            return clock.GetUtcNow() - entry.LastActivity;
    }

    private Activity Entry(string sessionId) => memory.GetOrCreate(Key(sessionId), e =>
    {
        // Nothing outlives the absolute limit, so the entry need not either.
        e.SlidingExpiration = options.Value.AbsoluteLimit;
        return new Activity { LastActivity = clock.GetUtcNow() };
    })!;

    private static string Key(string sessionId) => "kmn.session:" + sessionId;

    private sealed class Activity
    {
        public DateTimeOffset LastActivity { get; set; }
        public SessionEnd? Ended { get; set; }
    }
}
