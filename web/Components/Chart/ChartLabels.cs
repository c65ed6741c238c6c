using System.Globalization;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.Web.Chart;
using KMN.Orleans.Web.Chart.Labs;
using KMN.Orleans.Web.Resources;
using Microsoft.Extensions.Localization;

namespace KMN.Orleans.Web.Components.Chart;

/// <summary>Labels for chart enums and dates, looked up as "{Enum}_{Member}" keys of ChartResource.</summary>
public static class ChartLabels
{
    public static string Label(this IStringLocalizer<ChartResource> c, ChartCategory category) => c[$"Category_{category}"];

    public static string Label(this IStringLocalizer<ChartResource> c, Sex sex) => c[$"Sex_{sex}"];

    public static string Label(this IStringLocalizer<ChartResource> c, RecordCategory category) => c[$"RecordCategory_{category}"];

    public static string Label(this IStringLocalizer<ChartResource> c, AccessReason reason) => c[$"Reason_{reason}"];

    public static string Label(this IStringLocalizer<ChartResource> c, LabFlag flag) => c[$"Flag_{flag}"];

    public static string Name(this IStringLocalizer<ChartResource> c, FacilityRef facility) =>
        facility.Name.Length > 0 ? facility.Name : facility.Code.Length > 0 ? facility.Code : c["Facility_Unknown"];

    /// <summary>"2024-05-01", or 不明 (with what was sent) for a date that could not be read.</summary>
    public static string Day(this IStringLocalizer<ChartResource> c, ChartDate date) =>
        date.Day is { } day ? Day(day) : date.Raw is { } raw ? c["Date_UnknownRaw", raw] : c["Date_Unknown"];

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"1970-01-01（昭和45年1月1日）": both calendars, as Japanese forms write a birth date.</summary>
    public static string BirthDate(DateOnly day) => Wareki.Format(day) is { } wareki ? $"{Day(day)}（{wareki}）" : Day(day);
}
