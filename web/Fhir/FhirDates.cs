using System.Globalization;

namespace KMN.Orleans.Web.Fhir;

/// <summary>FHIR date/dateTime/instant text to an instant for indexing. Partial dates take their first moment in JST.</summary>
public static class FhirDates
{
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        var inv = CultureInfo.InvariantCulture;
        return text.Length switch
        {
            4 when int.TryParse(text, inv, out var y) && y is >= 1 and <= 9999 => new DateTimeOffset(y, 1, 1, 0, 0, 0, Japan),
            7 when DateTime.TryParseExact(text, "yyyy-MM", inv, DateTimeStyles.None, out var m) => new DateTimeOffset(m, Japan),
            10 when DateTime.TryParseExact(text, "yyyy-MM-dd", inv, DateTimeStyles.None, out var d) => new DateTimeOffset(d, Japan),
            > 10 when DateTimeOffset.TryParse(text, inv, DateTimeStyles.AssumeUniversal, out var t) => t,
            _ => null,
        };
    }
}
