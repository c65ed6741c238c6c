using KMN.Orleans.Web.Chart;

namespace KMN.Orleans.PortalTests.Chart;

public sealed class DatesTests
{
    [Theory]
    [InlineData(2019, 5, 1, "令和元年5月1日")]
    [InlineData(2019, 4, 30, "平成31年4月30日")]
    [InlineData(1989, 1, 8, "平成元年1月8日")]
    [InlineData(1989, 1, 7, "昭和64年1月7日")]
    [InlineData(1970, 1, 1, "昭和45年1月1日")]
    [InlineData(1926, 12, 25, "昭和元年12月25日")]
    [InlineData(1926, 12, 24, "大正15年12月24日")]
    [InlineData(1912, 7, 30, "大正元年7月30日")]
    [InlineData(1912, 7, 29, "明治45年7月29日")]
    [InlineData(2024, 6, 10, "令和6年6月10日")]
    public void Wareki_eras_and_gannen(int y, int m, int d, string expected) =>
        Assert.Equal(expected, Wareki.Format(new DateOnly(y, m, d)));

    [Fact]
    public void Wareki_short_form_and_before_the_gregorian_calendar()
    {
        Assert.Equal("S45.1.1", Wareki.FormatShort(new DateOnly(1970, 1, 1)));
        Assert.Null(Wareki.Format(new DateOnly(1850, 1, 1)));
    }

    [Theory]
    [InlineData("1950-04-01", "2024-03-31", 73)]
    [InlineData("1950-04-01", "2024-04-01", 74)]
    [InlineData("2000-02-29", "2023-02-28", 23)]
    [InlineData("2000-02-29", "2023-02-27", 22)]
    public void Age_in_completed_years(string birth, string today, int expected) =>
        Assert.Equal(expected, Age.On(DateOnly.Parse(birth), DateOnly.Parse(today)));

    [Fact]
    public void Age_of_someone_not_yet_born_is_unknown() =>
        Assert.Null(Age.On(new DateOnly(2030, 1, 1), new DateOnly(2024, 1, 1)));

    [Theory]
    [InlineData("2024-05-10", 2024, 5, 10)]
    [InlineData("2024-05-09T20:00:00Z", 2024, 5, 10)] // 05:00 the next morning in Japan
    [InlineData("2024-05", 2024, 5, 1)]
    [InlineData("2024", 2024, 1, 1)]
    public void Chart_dates_are_days_in_japan(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), ChartDate.Parse(text).Day);

    [Theory]
    [InlineData("2024-13-45")]
    [InlineData("2024/05/10")]
    [InlineData("令和6年")]
    [InlineData("99999-01-01")]
    [InlineData("")]
    [InlineData(null)]
    public void Malformed_dates_are_unknown(string? text)
    {
        var date = ChartDate.Parse(text);
        Assert.False(date.IsKnown);
        Assert.Null(date.Day);
    }
}
