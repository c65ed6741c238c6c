using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Grains.Persistence;

namespace KMN.Orleans.Grains.Records;

/// <summary>
/// A patient's record: decides reads through its consents and keeps a small summary. The consents come from
/// kmn_consent on activation (written atomically with the upload that carried them), so a notice lost after
/// a commit can never hide a consent for longer than one activation.
/// </summary>
public sealed class PatientRecordGrain(
    [PersistentState("record", StorageNames.State)] IPersistentState<PatientRecordState> state,
    RecordLookups lookups) : Grain, IPatientRecordGrain
{
    private const int RememberedUploads = 32;
    private ImmutableArray<ConsentGrant> _consents = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _consents = await lookups.ConsentsAsync(this.GetPrimaryKeyString(), cancellationToken);

    public Task<ImmutableArray<ConsentGrant>> GetConsentsAsync() => Task.FromResult(_consents);

    public async Task RecordsAppendedAsync(RecordAppendNotice notice)
    {
        var s = state.State;
        if (!s.RecentUploads.Add(notice.UploadId))
            return; // a retried notice: already counted
        if (s.RecentUploads.Count > RememberedUploads)
            s.RecentUploads.Remove(s.RecentUploads.First());
        if (!notice.Consents.IsDefaultOrEmpty)
            _consents = await lookups.ConsentsAsync(this.GetPrimaryKeyString()); // the table is the truth
        s.ResourceRows += notice.NewRows;
        if (notice.LatestEffective is { } latest && (s.LatestEffective is null || latest > s.LatestEffective))
            s.LatestEffective = latest;
        if (!s.ContributingFacilities.Contains(notice.FacilityCode))
            s.ContributingFacilities.Add(notice.FacilityCode);
        await state.WriteOrDeactivateAsync(this);
    }

    public Task<RecordSummary> GetSummaryAsync() => Task.FromResult(new RecordSummary(state.State.ResourceRows,
        state.State.LatestEffective, [.. state.State.ContributingFacilities], _consents.Length));
}
