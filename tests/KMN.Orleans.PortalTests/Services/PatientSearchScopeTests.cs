using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Chart.Search;
using KMN.Orleans.Web.Services.Chart;

namespace KMN.Orleans.PortalTests.Services;

/// <summary>The ordinary search lists only charts that open; the 緊急時閲覧 search, for physicians, only those that do not.</summary>
public sealed class PatientSearchScopeTests
{
    private static readonly PatientProfile[] Family =
    [
        Profiles.Yamada,
        Profiles.Yamada with { NetworkPatientId = "430000000011", GivenName = "花子", GivenNameKana = "ハナコ" },
        Profiles.Yamada with { NetworkPatientId = "430000000012", GivenName = "次郎", GivenNameKana = "ジロウ" },
    ];

    private static PatientSearchService Service(FakePatientAccessSource access, AccessCaller? caller = null) =>
        new(new FakeCurrentStaff(caller ?? FakeCurrentStaff.Doctor), new FakeDirectorySource(Family), access);

    [Fact]
    public async Task The_ordinary_search_lists_only_patients_the_caller_may_open()
    {
        var access = new FakePatientAccessSource("430000000001", "430000000012");
        var result = await Service(access).SearchAsync(PatientSearchQuery.Parse("ヤマダ"));
        Assert.Equal(PatientSearchStatus.Ok, result.Status);
        Assert.Equal(["430000000001", "430000000012"], result.Patients.Select(p => p.NetworkPatientId).Order());
        Assert.All(access.Asked, a => Assert.Equal(FakeCurrentStaff.Doctor, a.Caller)); // decided for this caller
    }

    [Fact]
    public async Task The_emergency_search_lists_only_patients_the_physician_may_not_open_now()
    {
        var result = await Service(new FakePatientAccessSource("430000000001")).SearchAsync(PatientSearchQuery.Parse("ヤマダ"), PatientSearchScope.Emergency);
        Assert.Equal(PatientSearchStatus.Ok, result.Status);
        Assert.Equal(["430000000011", "430000000012"], result.Patients.Select(p => p.NetworkPatientId).Order());
    }

    [Fact]
    public async Task Only_a_physician_may_search_for_emergency_viewing()
    {
        var access = new FakePatientAccessSource();
        var result = await Service(access, FakeCurrentStaff.Doctor with { Role = StaffRole.Pharmacist }).SearchAsync(PatientSearchQuery.Parse("ヤマダ"), PatientSearchScope.Emergency);
        Assert.Equal(PatientSearchStatus.EmergencyNotPermitted, result.Status);
        Assert.Empty(result.Patients);
        Assert.Empty(access.Asked);
    }

    [Fact]
    public async Task Decisions_are_asked_in_parallel()
    {
        // Each decision waits until all three are being asked: a one-by-one search would never finish.
        var access = new FakePatientAccessSource("430000000001", "430000000011", "430000000012") { HoldUntil = 3 };
        var result = await Service(access).SearchAsync(PatientSearchQuery.Parse("ヤマダ"));
        Assert.Equal(3, result.Patients.Count);
    }

    [Fact]
    public async Task Nobody_openable_is_an_empty_result_not_an_error()
    {
        var result = await Service(new FakePatientAccessSource()).SearchAsync(PatientSearchQuery.Parse("ヤマダ"));
        Assert.Equal((PatientSearchStatus.Ok, 0, false), (result.Status, result.Patients.Count, result.Truncated));
    }
}
