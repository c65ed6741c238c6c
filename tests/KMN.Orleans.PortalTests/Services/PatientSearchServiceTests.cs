using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Chart.Search;
using KMN.Orleans.Web.Services.Chart;

namespace KMN.Orleans.PortalTests.Services;

public sealed class PatientSearchServiceTests
{
    private static readonly FakeDirectorySource Directory = new(Profiles.Yamada, Profiles.Takagi, Profiles.Saito);

    [Fact]
    public async Task Finds_by_name_and_reports_the_callers_facility()
    {
        var service = new PatientSearchService(new FakeCurrentStaff(FakeCurrentStaff.Doctor), Directory, FakePatientAccessSource.Everyone());
        var result = await service.SearchAsync(PatientSearchQuery.Parse("山田太郎"));
        Assert.Equal(PatientSearchStatus.Ok, result.Status);
        Assert.Equal("430000000001", Assert.Single(result.Patients).NetworkPatientId);
        Assert.Equal(ChartFixtures.Hospital, result.Facility);
    }

    [Fact]
    public async Task Nobody_signed_in_and_empty_queries_search_nothing()
    {
        Assert.Equal(PatientSearchStatus.NotSignedIn,
            (await new PatientSearchService(new FakeCurrentStaff(null), Directory, FakePatientAccessSource.Everyone()).SearchAsync(PatientSearchQuery.Parse("山田"))).Status);
        Assert.Equal(PatientSearchStatus.Empty,
            (await new PatientSearchService(new FakeCurrentStaff(FakeCurrentStaff.Doctor), Directory, FakePatientAccessSource.Everyone()).SearchAsync(PatientSearchQuery.Parse(" "))).Status);
    }

    [Fact]
    public async Task A_directory_that_cannot_search_names_says_so()
    {
        var service = new PatientSearchService(new FakeCurrentStaff(FakeCurrentStaff.Doctor), new FakeDirectorySource { Supported = false }, FakePatientAccessSource.Everyone());
        Assert.Equal(PatientSearchStatus.Unsupported, (await service.SearchAsync(PatientSearchQuery.Parse("山田"))).Status);
    }

    [Fact]
    public async Task Results_are_capped_and_marked_truncated()
    {
        var many = Enumerable.Range(1, PatientSearchService.Limit + 5)
            .Select(i => Profiles.Yamada with { NetworkPatientId = $"43{i:D10}" }).ToArray();
        var service = new PatientSearchService(new FakeCurrentStaff(FakeCurrentStaff.Doctor), new FakeDirectorySource(many), FakePatientAccessSource.Everyone());
        var result = await service.SearchAsync(PatientSearchQuery.Parse("ヤマダ"));
        Assert.Equal(PatientSearchService.Limit, result.Patients.Count);
        Assert.True(result.Truncated);
    }
}
