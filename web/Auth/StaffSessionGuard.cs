using System.Security.Claims;
using KMN.Orleans.Grains.Abstractions.Accounts;
using Microsoft.Extensions.Options;

namespace KMN.Orleans.Web.Auth;

/// <summary>
/// Decides whether a signed-in session still stands: not ended, within the absolute limit, and the same card
/// still presented and still valid (revocation lists are re-read when they change, so a revoked card fails
/// on the next request). Requests are checked by the cookie handler, open pages by the circuit's revalidation.
/// </summary>
public sealed class StaffSessionGuard(PresentedCards cards, StaffSessions sessions, TimeProvider clock,
    IOptions<StaffSessionOptions> options)
{
    /// <summary>For a request: the card this connection presents. Null when the session stands (and is touched).</summary>
    public SessionEnd? CheckRequest(ClaimsPrincipal user, HttpContext http)
    {
        var end = Check(user, cards.Judge(http));
        if (end is null && http.Connection.ClientCertificate is { } certificate)
        {
            sessions.Touch(user.SessionId()!);
            cards.Remember(certificate, user.CardThumbprint()!);
        }
        return Ended(user, end);
    }

    /// <summary>For an open page (no request): the card remembered at sign-in, re-judged now, and idleness.</summary>
    public SessionEnd? CheckOpenPage(ClaimsPrincipal user)
    {
        var certificate = user.CardThumbprint() is { } thumbprint ? cards.Recall(thumbprint) : null;
        var end = Check(user, cards.Judge(certificate));
        if (end is null && sessions.IdleFor(user.SessionId()!) > options.Value.IdleTimeout)
            end = new SessionEnd(SessionEndKind.IdleTimeout);
        return Ended(user, end);
    }

    private SessionEnd? Check(ClaimsPrincipal user, CardVerdict verdict)
    {
        if (user.SessionId() is not { } sessionId || user.CardThumbprint() is not { } thumbprint || user.SessionStarted() is not { } started)
            return new SessionEnd(SessionEndKind.SignedOut); // not a session this portal made
        if (sessions.EndedBecause(sessionId) is { } ended)
            return ended;
        if (clock.GetUtcNow() - started > options.Value.AbsoluteLimit)
            return new SessionEnd(SessionEndKind.TimeLimit);
        if (verdict.Refusal == SignInReason.NoCard)
            return new SessionEnd(SessionEndKind.CardChanged);
        if (!verdict.Accepted)
            return new SessionEnd(SessionEndKind.CardRefused, verdict.Refusal);
        return verdict.Facts!.Thumbprint == thumbprint ? null : new SessionEnd(SessionEndKind.CardChanged);
    }

    // An ended session stays ended: putting the card back in asks for the password again.
    private SessionEnd? Ended(ClaimsPrincipal user, SessionEnd? end)
    {
        if (end is not null && user.SessionId() is { } sessionId)
            sessions.End(sessionId, end);
        return end;
    }
}
