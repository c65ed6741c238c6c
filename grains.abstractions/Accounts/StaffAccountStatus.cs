using System.Collections.Immutable;

namespace KMN.Orleans.Grains.Abstractions.Accounts;

/// <summary>An account as administrators see it: never the password hash.</summary>
[GenerateSerializer, Immutable, Alias("kmn.StaffAccountStatus")]
public sealed record StaffAccountStatus(
    [property: Id(0)] StaffAccountProfile? Profile,
    [property: Id(1)] ImmutableArray<CardFacts> Cards,
    [property: Id(2)] bool HasPassword,
    [property: Id(3)] int ConsecutiveFailures,
    [property: Id(4)] DateTimeOffset? LockedUntil);
