namespace KMN.Orleans.Web.Auth;

/// <summary>How long a portal session lasts ("SignIn" section; environment variables SignIn__IdleTimeout, ...).</summary>
public sealed class StaffSessionOptions
{
    public const string Section = "SignIn";

    /// <summary>Signed out after this long without a request or a click (sliding). Default 30 minutes.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Signed out this long after signing in, however active. Default 12 hours (a long shift).</summary>
    public TimeSpan AbsoluteLimit { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often an open page re-checks its card and session. Short, so a revoked card stops quickly.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(15);
}
