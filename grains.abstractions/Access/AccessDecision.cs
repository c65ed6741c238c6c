using System.Collections.Immutable;

namespace KMN.Orleans.Grains.Abstractions.Access;

/// <summary>
/// The answer to "what may this caller see of this patient", made in one place (the patient's record grain)
/// and followed by every read: which categories of which source facility, and why the rest is hidden.
/// </summary>
[GenerateSerializer, Immutable, Alias("kmn.AccessDecision")]
public sealed record AccessDecision(
    [property: Id(0)] string PatientId,
    [property: Id(1)] AccessBasis Basis,
    [property: Id(2)] ImmutableArray<SourceAccess> Sources,
    [property: Id(3)] ImmutableArray<HiddenCategory> Hidden,
    [property: Id(4)] int ConsentVersion,
    [property: Id(5)] DateTimeOffset? BreakGlassUntil,
    [property: Id(6)] AccessReason? DeniedBecause)
{
    /// <summary>The chart opens at all (consent, break-the-glass, or the facility's own records).</summary>
    public bool Granted => Basis != AccessBasis.Denied;

    /// <summary>v3 PurposeOfUse for the audit trail: emergency treatment under break-the-glass, else treatment.</summary>
    public string Purpose => Basis == AccessBasis.BreakGlass ? "ETREAT" : "TREAT";

    /// <summary>Every category visible from at least one source, for the portal's tabs.</summary>
    public ImmutableArray<RecordCategory> AllowedCategories =>
        [.. Sources.SelectMany(s => s.Categories).Distinct().Order()];

    public bool Allows(string sourceFacility, RecordCategory category, bool undisclosed)
    {
        if (!Granted)
            return false;
        if (category == RecordCategory.Basic)
            return true;
        foreach (var source in Sources)
            if (source.FacilityCode == sourceFacility)
                return source.Categories.Contains(category) && (!undisclosed || source.UndisclosedVisible);
        return false;
    }

    public static AccessDecision Deny(string patientId, AccessReason reason) =>
        new(patientId, AccessBasis.Denied, [], [], 0, null, reason);
}

[GenerateSerializer, Alias("kmn.AccessBasis")]
public enum AccessBasis
{
    Denied = 0,
    Consent = 1,
    BreakGlass = 2,
    OwnRecordsOnly = 3,
}

/// <summary>What the caller sees of the records one facility uploaded.</summary>
[GenerateSerializer, Immutable, Alias("kmn.SourceAccess")]
public sealed record SourceAccess(
    [property: Id(0)] string FacilityCode,
    [property: Id(1)] ImmutableArray<RecordCategory> Categories,
    [property: Id(2)] bool UndisclosedVisible);

/// <summary>A category hidden from the caller and why; <see cref="SourceFacility"/> null when it holds for every source.</summary>
[GenerateSerializer, Immutable, Alias("kmn.HiddenCategory")]
public sealed record HiddenCategory(
    [property: Id(0)] RecordCategory Category,
    [property: Id(1)] AccessReason Reason,
    [property: Id(2)] string? SourceFacility);
