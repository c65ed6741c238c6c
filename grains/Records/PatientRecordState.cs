namespace KMN.Orleans.Grains.Records;

/// <summary>
/// Persisted state of a patient's record grain: counts and contributing facilities only. Bounded however long
/// the history grows; consents are reloaded from kmn_consent, where the upload transaction wrote them.
/// </summary>
[GenerateSerializer, Alias("kmn.PatientRecordState")]
public sealed class PatientRecordState
{
    [Id(0)] public long ResourceRows { get; set; }
    [Id(1)] public DateTimeOffset? LatestEffective { get; set; }
    [Id(2)] public List<string> ContributingFacilities { get; set; } = [];
    [Id(3)] public HashSet<Guid> RecentUploads { get; set; } = [];
}
