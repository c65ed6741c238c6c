using KMN.Orleans.Grains.Abstractions.Accounts;

namespace KMN.Orleans.Web.Auth;

/// <summary>Why a session stopped being accepted; the sign-in page tells the person.</summary>
public enum SessionEndKind
{
    SignedOut,
    IdleTimeout,
    TimeLimit,
    CardChanged,   // another card, or none, was presented
    CardRefused,   // the same card no longer passes (revoked, expired, ...): see CardReason
}

public sealed record SessionEnd(SessionEndKind Kind, SignInReason? CardReason = null)
{
    /// <summary>Where the cookie check leaves its decision for the sign-in redirect in the same request.</summary>
    public const string ItemKey = "kmn.session-end";

    /// <summary>The query string the sign-in page reads: reason=&lt;SignInReason&gt; for card refusals, else ended=&lt;kind&gt;.</summary>
    public string ToQuery() => Kind == SessionEndKind.CardRefused && CardReason is { } reason
        ? "reason=" + reason
        : "ended=" + Kind;
}
