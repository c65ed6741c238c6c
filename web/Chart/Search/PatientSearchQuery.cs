using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Web.Chart.Search;

/// <summary>What the search box was asked for.</summary>
public enum PatientSearchKind
{
    Empty,
    NetworkPatientId,
    ChartNumber,
    Name,
}

/// <summary>
/// A search from the patient search page, classified once: a network patient ID (43 + 10 digits), the caller's
/// own chart number (other digits), or a name in kanji or kana (a folded key). Birth date and sex narrow any kind.
/// </summary>
public sealed record PatientSearchQuery(PatientSearchKind Kind, string Key, DateOnly? BirthDate, Sex? Sex)
{
    public const int NetworkIdLength = 12;

    public static PatientSearchQuery Parse(string? text, DateOnly? birthDate = null, Sex? sex = null)
    {
        var key = NameNormalizer.Normalize(text);
        var kind = key switch
        {
            "" => PatientSearchKind.Empty,
            _ when key.All(char.IsAsciiDigit) && key.Length == NetworkIdLength && key.StartsWith("43", StringComparison.Ordinal)
                => PatientSearchKind.NetworkPatientId,
            _ when key.All(char.IsAsciiDigit) => PatientSearchKind.ChartNumber,
            _ => PatientSearchKind.Name,
        };
        return new PatientSearchQuery(kind, key, birthDate, sex);
    }

    public bool IsEmpty => Kind == PatientSearchKind.Empty && BirthDate is null;

    /// <summary>Whether a directory entry answers this query (chart numbers are looked up at <paramref name="facility"/>).</summary>
    public bool Matches(PatientProfile p, string facility) =>
        (BirthDate is null || p.BirthDate == BirthDate)
        && (Sex is null || p.Sex == Sex)
        && Kind switch
        {
            PatientSearchKind.NetworkPatientId => p.NetworkPatientId == Key,
            PatientSearchKind.ChartNumber => p.ChartNumbers.Any(c => c.FacilityCode == facility && NameNormalizer.Normalize(c.Number) == Key),
            PatientSearchKind.Name => NameNormalizer.Normalize(p.FamilyName + p.GivenName).StartsWith(Key, StringComparison.Ordinal)
                || NameNormalizer.Normalize(p.FamilyNameKana + p.GivenNameKana).StartsWith(Key, StringComparison.Ordinal)
                || NameNormalizer.Normalize(p.GivenName).StartsWith(Key, StringComparison.Ordinal)
                || NameNormalizer.Normalize(p.GivenNameKana).StartsWith(Key, StringComparison.Ordinal),
            _ => true,
        };
}
