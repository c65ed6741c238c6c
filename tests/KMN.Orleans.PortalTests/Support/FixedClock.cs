namespace KMN.Orleans.PortalTests.Support;

/// <summary>A clock stopped at a moment, so "the last 90 days" and ages are the same on every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static FixedClock AtFixtureToday { get; } = new(new DateTimeOffset(2024, 6, 10, 9, 0, 0, TimeSpan.FromHours(9)));

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
