using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Chart.Search;

namespace KMN.Orleans.PortalTests.Search;

public sealed class PatientSearchQueryTests
{
    [Theory]
    [InlineData("430000000001", PatientSearchKind.NetworkPatientId)]
    [InlineData("４３０００００００００１", PatientSearchKind.NetworkPatientId)]
    [InlineData("00012345", PatientSearchKind.ChartNumber)]
    [InlineData("山田太郎", PatientSearchKind.Name)]
    [InlineData("ﾔﾏﾀﾞ", PatientSearchKind.Name)]
    [InlineData("  ", PatientSearchKind.Empty)]
    public void Input_is_classified(string text, PatientSearchKind kind) => Assert.Equal(kind, PatientSearchQuery.Parse(text).Kind);

    [Theory]
    [InlineData("山田太郎")]
    [InlineData("山田 太郎")]
    [InlineData("やまだ")]
    [InlineData("ﾔﾏﾀﾞ ﾀﾛｳ")]
    [InlineData("太郎")]
    [InlineData("430000000001")]
    public void Yamada_is_found_by_name_reading_or_id(string text) =>
        Assert.True(PatientSearchQuery.Parse(text).Matches(Profiles.Yamada, ChartFixtures.Hospital));

    [Fact]
    public void Old_kanji_in_the_directory_are_found_by_the_common_form()
    {
        Assert.True(PatientSearchQuery.Parse("高木").Matches(Profiles.Takagi, ChartFixtures.Hospital));
        Assert.False(PatientSearchQuery.Parse("斉藤").Matches(Profiles.Saito, ChartFixtures.Hospital)); // a different name, not a variant
        Assert.True(PatientSearchQuery.Parse("斎藤").Matches(Profiles.Saito, ChartFixtures.Hospital));
    }

    [Fact]
    public void Chart_numbers_are_the_callers_own_facilitys()
    {
        var query = PatientSearchQuery.Parse("00012345");
        Assert.True(query.Matches(Profiles.Yamada, ChartFixtures.Hospital));
        Assert.False(query.Matches(Profiles.Yamada, ChartFixtures.Clinic));
    }

    [Fact]
    public void Birth_date_and_sex_narrow_the_search()
    {
        Assert.False(PatientSearchQuery.Parse("山田", new DateOnly(1950, 4, 2)).Matches(Profiles.Yamada, ChartFixtures.Hospital));
        Assert.True(PatientSearchQuery.Parse("山田", new DateOnly(1950, 4, 1), Sex.Male).Matches(Profiles.Yamada, ChartFixtures.Hospital));
        Assert.False(PatientSearchQuery.Parse("山田", null, Sex.Female).Matches(Profiles.Yamada, ChartFixtures.Hospital));
        var byBirthOnly = PatientSearchQuery.Parse("", new DateOnly(1950, 4, 1));
        Assert.False(byBirthOnly.IsEmpty);
        Assert.True(byBirthOnly.Matches(Profiles.Yamada, ChartFixtures.Hospital));
    }
}
