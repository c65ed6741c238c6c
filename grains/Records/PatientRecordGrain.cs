using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Grains.Access;
using KMN.Orleans.Grains.Audit;
using KMN.Orleans.Grains.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KMN.Orleans.Grains.Records;

/// <summary>
/// A patient's record: the single authority on its consent and break-the-glass grants, the one place that
/// decides access, and a small summary. Grain state holds only counts; the consent's current version, the
/// running grants and the contributing facilities are loaded from their tables on activation, and every
/// change is written there (with its audit row) before the grain's memory changes.
/// </summary>
public sealed partial class PatientRecordGrain(
    [PersistentState("record", StorageNames.State)] IPersistentState<PatientRecordState> state,
    ConsentStore consents,
    BreakGlassStore breakGlass,
    IAuditTrail audit,
    IOptions<AccessOptions> options,
    TimeProvider clock,
    ILogger<PatientRecordGrain> log) : Grain, IPatientRecordGrain
{
    private const int RememberedUploads = 32;
    private ConsentVersion? _current;
    private long _uploadsSeenThrough;
    private Dictionary<string, DateTimeOffset> _grants = [];
    private readonly HashSet<string> _sources = new(StringComparer.Ordinal);

    private string PatientId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        try
        {
            _current = await consents.CurrentAsync(PatientId, cancellationToken);
            _grants = await breakGlass.ActiveAsync(PatientId, clock.GetUtcNow(), cancellationToken);
            _sources.UnionWith(state.State.ContributingFacilities);
            _sources.UnionWith(await consents.ContributorsAsync(PatientId, cancellationToken));
            await ImportUploadedConsentsAsync();
        }
        catch (Npgsql.NpgsqlException e)
        {
            throw StoreFailures.Translate(e); // activation failures bypass the call filter
        }
    }

    public Task<ImmutableArray<ConsentGrant>> GetConsentsAsync() => Task.FromResult(_current?.AsGrants() ?? []);

    public async Task RecordsAppendedAsync(RecordAppendNotice notice)
    {
        var s = state.State;
        _sources.Add(notice.FacilityCode);
        if (!notice.Consents.IsDefaultOrEmpty)
            await ImportUploadedConsentsAsync(); // kmn_consent is the truth; the notice only says "look"
        if (!s.RecentUploads.Add(notice.UploadId))
            return; // a retried notice: already counted
        if (s.RecentUploads.Count > RememberedUploads)
            s.RecentUploads.Remove(s.RecentUploads.First());
        s.ResourceRows += notice.NewRows;
        if (notice.LatestEffective is { } latest && (s.LatestEffective is null || latest > s.LatestEffective))
            s.LatestEffective = latest;
        if (!s.ContributingFacilities.Contains(notice.FacilityCode))
            s.ContributingFacilities.Add(notice.FacilityCode);
        await state.WriteOrDeactivateAsync(this);
        await PublishChangeAsync(RecordChangeKind.RecordsAppended, notice.FacilityCode);
    }

    public Task<RecordSummary> GetSummaryAsync() => Task.FromResult(new RecordSummary(state.State.ResourceRows,
        state.State.LatestEffective, [.. _sources.Order(StringComparer.Ordinal)], _current is { Revoked: false } ? 1 : 0));
}
