using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Grains.Abstractions.Network;

/// <summary>
/// A patient search against the directory. Set fields narrow the result (AND). <see cref="NameKey"/> is folded
/// by <see cref="NameNormalizer"/> and matches the start of the full name, the given name, or their readings;
/// <see cref="ChartNumber"/> is looked up at <see cref="FacilityCode"/> (the caller's facility).
/// </summary>
[GenerateSerializer, Immutable, Alias("kmn.PatientDirectoryQuery")]
public sealed record PatientDirectoryQuery(
    [property: Id(0)] string? NetworkPatientId,
    [property: Id(1)] string? FacilityCode,
    [property: Id(2)] string? ChartNumber,
    [property: Id(3)] string? NameKey,
    [property: Id(4)] DateOnly? BirthDate,
    [property: Id(5)] Sex? Sex,
    [property: Id(6)] int Limit)
{
    /// <summary>Whether a profile answers the query: the one rule the in-memory store applies and the SQL mirrors.</summary>
    public bool Matches(PatientProfile p) =>
        (NetworkPatientId is null || p.NetworkPatientId == NetworkPatientId)
        && (ChartNumber is null || p.ChartNumbers.Any(c => c.FacilityCode == FacilityCode && NameNormalizer.Normalize(c.Number) == ChartNumber))
        && (BirthDate is null || p.BirthDate == BirthDate)
        && (Sex is null || p.Sex == Sex)
        && (NameKey is null
            || NameNormalizer.Normalize(p.FamilyName + p.GivenName).StartsWith(NameKey, StringComparison.Ordinal)
            || NameNormalizer.Normalize(p.FamilyNameKana + p.GivenNameKana).StartsWith(NameKey, StringComparison.Ordinal)
            || NameNormalizer.Normalize(p.GivenName).StartsWith(NameKey, StringComparison.Ordinal)
            || NameNormalizer.Normalize(p.GivenNameKana).StartsWith(NameKey, StringComparison.Ordinal));
}
