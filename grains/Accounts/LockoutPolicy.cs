namespace KMN.Orleans.Grains.Accounts;

/// <summary>
/// After <see cref="MaxConsecutiveFailures"/> wrong passwords in a row the account is locked for
/// <see cref="LockoutDuration"/> (or until unlocked). The lock is part of the persisted account state, so
/// restarting silos does not reset it.
/// </summary>
public static class LockoutPolicy
{
    public const int MaxConsecutiveFailures = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(30);
}
