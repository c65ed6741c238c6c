using System.Globalization;

namespace KMN.Orleans.Web.Chart;

/// <summary>
/// Japanese era dates (和暦) as written on insurance cards and forms: 昭和45年1月1日, 令和元年5月1日.
/// An own table instead of JapaneseCalendar: era data from the OS can be missing in slim containers.
/// </summary>
public static class Wareki
{
    private sealed record Era(string Name, string Initial, DateOnly Start, int FirstYear);

    private static readonly Era[] Eras =
    [
        new("令和", "R", new DateOnly(2019, 5, 1), 2019),
        new("平成", "H", new DateOnly(1989, 1, 8), 1989),
        new("昭和", "S", new DateOnly(1926, 12, 25), 1926),
        new("大正", "T", new DateOnly(1912, 7, 30), 1912),
        // Meiji counts from 1868, but Japan used the Gregorian calendar only from Meiji 6 (1873).
        new("明治", "M", new DateOnly(1873, 1, 1), 1868),
    ];

    /// <summary>"昭和45年1月1日" (year 1 is 元年), or null before 1873.</summary>
    public static string? Format(DateOnly date) => EraOf(date) is { } era
        ? $"{era.Name}{YearText(date.Year - era.FirstYear + 1)}年{date.Month}月{date.Day}日"
        : null;

    /// <summary>"S45.1.1": the short form used in narrow table columns.</summary>
    public static string? FormatShort(DateOnly date) => EraOf(date) is { } era
        ? string.Create(CultureInfo.InvariantCulture, $"{era.Initial}{date.Year - era.FirstYear + 1}.{date.Month}.{date.Day}")
        : null;

    private static Era? EraOf(DateOnly date) => Eras.FirstOrDefault(e => date >= e.Start);

    private static string YearText(int year) => year == 1 ? "元" : year.ToString(CultureInfo.InvariantCulture);
}
