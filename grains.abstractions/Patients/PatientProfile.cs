using System.Collections.Immutable;

namespace KMN.Orleans.Grains.Abstractions.Patients;

/// <summary>
/// Demographics of a network patient. <see cref="NetworkPatientId"/> is the patient grain's key.
/// Names are kept in kanji and kana because Japanese clinicians search and sort by reading.
/// </summary>
[GenerateSerializer, Immutable, Alias("kmn.PatientProfile")]
public sealed record PatientProfile(
    [property: Id(0)] string NetworkPatientId,
    [property: Id(1)] string FamilyName,
    [property: Id(2)] string GivenName,
    [property: Id(3)] string FamilyNameKana,
    [property: Id(4)] string GivenNameKana,
    [property: Id(5)] DateOnly BirthDate,
    [property: Id(6)] Sex Sex,
    [property: Id(7)] ImmutableArray<ChartNumber> ChartNumbers)
{
    public string FullName => $"{FamilyName} {GivenName}";
    public string FullNameKana => $"{FamilyNameKana} {GivenNameKana}";

    /// <summary>Value equality that also compares the chart numbers element by element.</summary>
    public bool SameAs(PatientProfile other) =>
        this with { ChartNumbers = [] } == other with { ChartNumbers = [] }
        && ChartNumbers.SequenceEqual(other.ChartNumbers);
}
