using KMN.Orleans.Grains.Abstractions.Accounts;

namespace KMN.Orleans.Grains.Accounts;

/// <summary>Persisted state of a staff account: small, rewritten whole on every change.</summary>
[GenerateSerializer, Alias("kmn.StaffAccountState")]
public sealed class StaffAccountState
{
    [Id(0)] public StaffAccountProfile? Profile { get; set; }
    [Id(1)] public List<CardFacts> Cards { get; set; } = [];
    [Id(2)] public string? PasswordHash { get; set; }
    [Id(3)] public int ConsecutiveFailures { get; set; }
    [Id(4)] public DateTimeOffset? LockedUntil { get; set; }
    [Id(5)] public DateTimeOffset? LastSignInAt { get; set; }
}
