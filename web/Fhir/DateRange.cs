using Microsoft.Extensions.Primitives;

namespace KMN.Orleans.Web.Fhir;

/// <summary>FHIR date search parameters (ge/gt/le/lt/eq prefixes, repeatable) as a half-open [from, to) range.</summary>
public static class DateRange
{
    public static bool TryParse(StringValues values, out DateTimeOffset? from, out DateTimeOffset? to, out string? problem)
    {
        (from, to, problem) = (null, null, null);
        foreach (var raw in values)
        {
            if (string.IsNullOrEmpty(raw))
                continue;
            var prefix = raw.Length > 2 && char.IsAsciiLetter(raw[0]) ? raw[..2] : "eq";
            var text = prefix == "eq" && !raw.StartsWith("eq", StringComparison.Ordinal) ? raw : raw[2..];
            if (FhirDates.Parse(text) is not { } start)
            {
                problem = $"date が不正です: {raw}";
                return false;
            }
            var end = text.Length switch { 4 => start.AddYears(1), 7 => start.AddMonths(1), 10 => start.AddDays(1), _ => start.AddTicks(1) };
            switch (prefix)
            {
                case "ge": from = Max(from, start); break;
                case "gt": from = Max(from, end); break;
                case "le": to = Min(to, end); break;
                case "lt": to = Min(to, start); break;
                case "eq": (from, to) = (Max(from, start), Min(to, end)); break;
                default: problem = $"date の接頭辞 {prefix} は扱えません。"; return false;
            }
        }
        return true;
    }

    private static DateTimeOffset Max(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;
    private static DateTimeOffset Min(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;
}
