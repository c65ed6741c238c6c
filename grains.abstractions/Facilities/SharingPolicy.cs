using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;

namespace KMN.Orleans.Grains.Abstractions.Facilities;

/// <summary>
/// A facility's sharing permissions, set by its administrator: which categories each of its staff roles may
/// see, which categories it discloses to other facilities, and who besides itself sees its 未告知 diagnoses.
/// </summary>
[GenerateSerializer, Immutable, Alias("kmn.SharingPolicy")]
public sealed record SharingPolicy(
    [property: Id(0)] ImmutableArray<RoleCategories> Roles,
    [property: Id(1)] ImmutableArray<RecordCategory> Disclosed,
    [property: Id(2)] UndisclosedVisibility Undisclosed)
{
    public ImmutableArray<RecordCategory> CategoriesOf(StaffRole role) =>
        Roles.FirstOrDefault(r => r.Role == role)?.Categories ?? [];

    public SharingPolicy WithRole(StaffRole role, ImmutableArray<RecordCategory> categories) =>
        this with { Roles = [.. Roles.Where(r => r.Role != role).Append(new RoleCategories(role, Normalize(categories))).OrderBy(r => r.Role)] };

    /// <summary>Sorted, distinct, never <see cref="RecordCategory.Basic"/>: equal policies compare equal.</summary>
    public static ImmutableArray<RecordCategory> Normalize(IEnumerable<RecordCategory> categories) =>
        [.. categories.Where(c => c != RecordCategory.Basic).Distinct().Order()];

    /// <summary>Value equality over the arrays, so "the same settings twice" writes once.</summary>
    public bool SameAs(SharingPolicy other) =>
        Undisclosed == other.Undisclosed && Disclosed.SequenceEqual(other.Disclosed) &&
        Roles.Length == other.Roles.Length &&
        Roles.Zip(other.Roles).All(p => p.First.Role == p.Second.Role && p.First.Categories.SequenceEqual(p.Second.Categories));
}

[GenerateSerializer, Immutable, Alias("kmn.RoleCategories")]
public sealed record RoleCategories(
    [property: Id(0)] StaffRole Role,
    [property: Id(1)] ImmutableArray<RecordCategory> Categories);

/// <summary>Who besides the uploading facility sees a diagnosis marked 未告知. The patient never does.</summary>
[GenerateSerializer, Alias("kmn.UndisclosedVisibility")]
public enum UndisclosedVisibility
{
    OwnFacilityOnly = 1,            // 自施設のみ
    PhysiciansOfOtherFacilities = 2, // 他施設の医師・歯科医師にも表示
}

/// <summary>What the access decision needs of a facility, in one call: who it is, its status and its policy.</summary>
[GenerateSerializer, Immutable, Alias("kmn.FacilityAccessProfile")]
public sealed record FacilityAccessProfile(
    [property: Id(0)] string Code,
    [property: Id(1)] FacilityKind Kind,
    [property: Id(2)] FacilityStatus Status,
    [property: Id(3)] bool ProvidesData,
    [property: Id(4)] SharingPolicy Policy);

/// <summary>The result of an administrator's or operator's change: applied, unchanged, or refused (Japanese).</summary>
[GenerateSerializer, Immutable, Alias("kmn.PolicyChangeResult")]
public sealed record PolicyChangeResult(
    [property: Id(0)] WriteOutcome? Outcome,
    [property: Id(1)] string? Problem)
{
    public bool Succeeded => Problem is null;

    public static PolicyChangeResult Refused(string problem) => new(null, problem);
}
