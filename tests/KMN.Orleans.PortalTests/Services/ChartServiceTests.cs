using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.PortalTests.Support;
using KMN.Orleans.Web.Services;
using KMN.Orleans.Web.Services.Chart;

namespace KMN.Orleans.PortalTests.Services;

public sealed class ChartServiceTests
{
    private static ChartService Service(FakeCurrentStaff staff, FakeChartRecordSource source, ChartViewCache? cache = null) =>
        new(staff, source, new FakeFacilityNamesSource(), FixedClock.AtFixtureToday, cache ?? new ChartViewCache());

    [Fact]
    public async Task Opens_as_the_signed_in_caller_with_header_and_chart()
    {
        var source = new FakeChartRecordSource(Records.Yamada());
        var result = await Service(new FakeCurrentStaff(FakeCurrentStaff.Doctor), source).OpenAsync("430000000001");

        Assert.Equal(ChartOpenStatus.Ok, result.Status);
        Assert.Equal((FakeCurrentStaff.Doctor, "430000000001"), Assert.Single(source.Calls));
        var header = result.View!.Header;
        Assert.Equal(("山田 太郎", "ヤマダ タロウ", Sex.Male, 74), (header.Name, header.Kana, header.Sex, header.Age));
        Assert.Equal(ConsentState.Active, header.Consent.State);
        Assert.True(header.Consent.AllFacilities);
        Assert.Equal(["火の国総合病院", "阿蘇内科クリニック", "白川薬局"], header.Facilities.Select(f => f.Name));
        Assert.Equal(new DateOnly(2024, 6, 10), result.View.Today);
    }

    [Fact]
    public async Task Nobody_signed_in_reads_nothing()
    {
        var source = new FakeChartRecordSource(Records.Yamada());
        var result = await Service(new FakeCurrentStaff(null), source).OpenAsync("430000000001");
        Assert.Equal(ChartOpenStatus.NotSignedIn, result.Status);
        Assert.Empty(source.Calls);
    }

    [Fact]
    public async Task A_denial_carries_its_reason()
    {
        var source = new FakeChartRecordSource(Records.Denied(AccessReason.ConsentRevoked));
        var result = await Service(new FakeCurrentStaff(FakeCurrentStaff.Doctor), source).OpenAsync("430000000001");
        Assert.Equal((ChartOpenStatus.Denied, AccessReason.ConsentRevoked), (result.Status, result.DeniedBecause));
        Assert.Null(result.View);
    }

    [Fact]
    public async Task A_patient_known_only_to_the_directory_opens_with_an_empty_record()
    {
        var source = new FakeChartRecordSource(new ChartRecords(ChartReadStatus.NotFound, Profiles.Takagi, [], [], null, null, []));
        var result = await Service(new FakeCurrentStaff(FakeCurrentStaff.Doctor), source).OpenAsync(Profiles.Takagi.NetworkPatientId);
        Assert.Equal(ChartOpenStatus.Ok, result.Status);
        Assert.Equal("髙木 花子", result.View!.Header.Name);
        Assert.Equal(ConsentState.None, result.View.Header.Consent.State);
        Assert.Empty(result.View.Chart.Timeline);
    }

    [Fact]
    public async Task Unknown_patients_and_cluster_outages_are_told_apart()
    {
        var missing = new FakeChartRecordSource(new ChartRecords(ChartReadStatus.NotFound, null, [], [], null, null, []));
        Assert.Equal(ChartOpenStatus.NotFound, (await Service(new FakeCurrentStaff(FakeCurrentStaff.Doctor), missing).OpenAsync("x")).Status);

        var down = new FakeChartRecordSource(Records.Yamada())
        {
            Failure = new ClusterUnavailableException(ClusterUnavailableReason.Unreachable, "silo down"),
        };
        var result = await Service(new FakeCurrentStaff(FakeCurrentStaff.Doctor), down).OpenAsync("430000000001");
        Assert.Equal(ChartOpenStatus.Unavailable, result.Status);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public async Task Hidden_categories_pass_through_to_the_view()
    {
        var source = new FakeChartRecordSource(Records.Yamada(Records.CareWorkerHidden));
        var result = await Service(new FakeCurrentStaff(FakeCurrentStaff.Doctor), source).OpenAsync("430000000001");
        Assert.Equal(Records.CareWorkerHidden, result.View!.Hidden);
    }

    [Fact]
    public async Task An_unchanged_record_reuses_the_mapped_chart_after_the_reader_confirms_it()
    {
        var cache = new ChartViewCache();
        var source = new FakeChartRecordSource(Records.Yamada() with { ETag = "W/\"1\"" });
        var first = await Service(new FakeCurrentStaff(FakeCurrentStaff.Doctor), source, cache).OpenAsync("430000000001");
        var second = await Service(new FakeCurrentStaff(FakeCurrentStaff.Doctor), source, cache).OpenAsync("430000000001");

        Assert.Equal([null, "W/\"1\""], source.IfNoneMatch); // asked every time: the reader decides and audits each open
        Assert.Same(first.View!.Chart, second.View!.Chart);
        Assert.Equal(first.View.Header.Name, second.View.Header.Name);
    }

    [Fact]
    public async Task A_changed_record_or_another_account_is_mapped_afresh()
    {
        var cache = new ChartViewCache();
        var source = new FakeChartRecordSource(Records.Yamada() with { ETag = "W/\"1\"" });
        var first = await Service(new FakeCurrentStaff(FakeCurrentStaff.Doctor), source, cache).OpenAsync("430000000001");

        source.Next = Records.YamadaWithout(ChartFixtures.Rows().First(r => r.ResourceType == "MedicationRequest").ResourceId) with { ETag = "W/\"2\"" };
        var changed = await Service(new FakeCurrentStaff(FakeCurrentStaff.Doctor), source, cache).OpenAsync("430000000001");
        Assert.NotSame(first.View!.Chart, changed.View!.Chart);
        Assert.True(changed.View.Chart.Timeline.Count < first.View.Chart.Timeline.Count);

        var colleague = FakeCurrentStaff.Doctor with { AccountId = "doc-2" };
        await Service(new FakeCurrentStaff(colleague), source, cache).OpenAsync("430000000001");
        Assert.Null(source.IfNoneMatch[^1]); // another account's copy is never offered
    }

    [Fact]
    public async Task A_denial_after_a_cached_open_shows_nothing_from_the_cache()
    {
        var cache = new ChartViewCache();
        var source = new FakeChartRecordSource(Records.Yamada() with { ETag = "W/\"1\"" });
        await Service(new FakeCurrentStaff(FakeCurrentStaff.Doctor), source, cache).OpenAsync("430000000001");

        source.Next = Records.Denied(AccessReason.ConsentRevoked);
        var result = await Service(new FakeCurrentStaff(FakeCurrentStaff.Doctor), source, cache).OpenAsync("430000000001");
        Assert.Equal((ChartOpenStatus.Denied, null), (result.Status, result.View));
    }
}
