using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.Web.Auth;
using KMN.Orleans.Web.Chart.Fhir;
using KMN.Orleans.Web.Chart.Search;
using KMN.Orleans.Web.Services;
using KMN.Orleans.Web.Services.Chart;

namespace KMN.Orleans.PortalTests.Support;

/// <summary>The signed-in person, as the sign-in helper's ICurrentStaff will give it; null = nobody.</summary>
public sealed class FakeCurrentStaff(AccessCaller? caller) : ICurrentStaff
{
    public AccessCaller? Caller { get; set; } = caller;

    public Task<AccessCaller?> GetAsync() => Task.FromResult(Caller);

    public static AccessCaller Doctor { get; } = new(ChartFixtures.Hospital, "doc-1", StaffRole.Physician, "熊本 一郎");
}

/// <summary>
/// Records per patient; <see cref="Next"/> replaces the answer (an upload, a revocation) for live tests. Answers a
/// conditional load as the reader does: the tag the caller holds, if still <see cref="Next"/>'s, gets no rows.
/// </summary>
public sealed class FakeChartRecordSource(ChartRecords records) : IChartRecordSource
{
    public ChartRecords Next { get; set; } = records;
    public List<(AccessCaller Caller, string PatientId)> Calls { get; } = [];
    public List<string?> IfNoneMatch { get; } = [];
    public ClusterUnavailableException? Failure { get; set; }

    public Task<ChartRecords> LoadAsync(AccessCaller caller, string patientId, string? ifNoneMatch = null, CancellationToken cancellationToken = default)
    {
        Calls.Add((caller, patientId));
        IfNoneMatch.Add(ifNoneMatch);
        if (Failure is { } failure)
            return Task.FromException<ChartRecords>(failure);
        var unchanged = Next.Status == ChartReadStatus.Ok && Next.ETag is not null && Next.ETag == ifNoneMatch;
        return Task.FromResult(unchanged ? Next with { Rows = [], NotModified = true } : Next);
    }
}

public sealed class FakeFacilityNamesSource : IFacilityNamesSource
{
    public Task<IFacilityNames> GetNamesAsync() => Task.FromResult(ChartFixtures.Names);
}

/// <summary>A directory answering every kind of search from a list, as the proposed grain search would.</summary>
public sealed class FakeDirectorySource(params PatientProfile[] patients) : IPatientDirectorySource
{
    public bool Supported { get; set; } = true;

    public Task<DirectoryMatches> SearchAsync(PatientSearchQuery query, AccessCaller caller, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult(new DirectoryMatches([.. patients.Where(p => query.Matches(p, caller.FacilityCode)).Take(limit)], Supported));
}

/// <summary>A live feed the test fires by hand.</summary>
public sealed class FakeLiveFeed : IChartLiveFeed
{
    private readonly List<Func<Task>> _watchers = [];

    public int Active => _watchers.Count;

    public IAsyncDisposable Watch(string patientId, Func<Task> changed)
    {
        _watchers.Add(changed);
        return new Handle(() => _watchers.Remove(changed));
    }

    public Task FireAsync() => Task.WhenAll(_watchers.ToList().Select(w => w()));

    private sealed class Handle(Action dispose) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            dispose();
            return ValueTask.CompletedTask;
        }
    }
}

public static class Profiles
{
    public static PatientProfile Yamada { get; } = new("430000000001", "山田", "太郎", "ヤマダ", "タロウ", new DateOnly(1950, 4, 1), Sex.Male,
        [new ChartNumber(ChartFixtures.Hospital, "00012345")]);

    public static PatientProfile Takagi { get; } = new("430000000002", "髙木", "花子", "タカギ", "ハナコ", new DateOnly(1989, 1, 8), Sex.Female,
        [new ChartNumber(ChartFixtures.Clinic, "00000077")]);

    public static PatientProfile Saito { get; } = new("430000000003", "齋藤", "誠", "サイトウ", "マコト", new DateOnly(2019, 5, 1), Sex.Male, []);
}
