using System.Collections.Immutable;

namespace KMN.Orleans.Grains.Abstractions.Access;

/// <summary>One row of the audit trail as operators and the access log see it (FHIR AuditEvent-shaped).</summary>
[GenerateSerializer, Immutable, Alias("kmn.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] long Seq,
    [property: Id(1)] DateTimeOffset OccurredAt,
    [property: Id(2)] string EventType,
    [property: Id(3)] string Action,
    [property: Id(4)] string Outcome,
    [property: Id(5)] string? Reason,
    [property: Id(6)] string? AccountId,
    [property: Id(7)] string? ActorName,
    [property: Id(8)] string? FacilityCode,
    [property: Id(9)] string? Role,
    [property: Id(10)] string? PatientId,
    [property: Id(11)] string? Purpose,
    [property: Id(12)] ImmutableArray<string> Categories,
    [property: Id(13)] int ResourceCount,
    [property: Id(14)] string? Query);

/// <summary>Filters of an operator's audit query; null means "any".</summary>
[GenerateSerializer, Immutable, Alias("kmn.AuditQuery")]
public sealed record AuditQuery(
    [property: Id(0)] string? PatientId = null,
    [property: Id(1)] string? AccountId = null,
    [property: Id(2)] string? FacilityCode = null,
    [property: Id(3)] string? EventType = null,
    [property: Id(4)] DateTimeOffset? From = null,
    [property: Id(5)] DateTimeOffset? To = null,
    [property: Id(6)] int Limit = 100);
