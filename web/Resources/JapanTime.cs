using System.Globalization;

namespace KMN.Orleans.Web.Resources;

/// <summary>
/// The network runs in Kumamoto, so operators read times in JST whatever the server's zone (containers
/// often run in UTC). Japan has no daylight saving time: a fixed +09:00 offset is exact and needs no tzdata.
/// </summary>
public static class JapanTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static string Format(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string FormatTime(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
