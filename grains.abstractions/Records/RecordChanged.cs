namespace KMN.Orleans.Grains.Abstractions.Records;

/// <summary>What changed in a patient's record (the subscriber reloads; this only says "look").</summary>
[GenerateSerializer, Alias("kmn.RecordChangeKind")]
public enum RecordChangeKind
{
    RecordsAppended = 0,
    ConsentChanged = 1,
}

/// <summary>
/// Published on <see cref="RecordChangeStreams.Namespace"/> after a change was committed. <see cref="FacilityCode"/>
/// is the uploading facility (or the one that changed the consent); <see cref="ConsentVersion"/> the version now in force.
/// </summary>
[GenerateSerializer, Immutable, Alias("kmn.RecordChanged")]
public sealed record RecordChanged(
    [property: Id(0)] string PatientId,
    [property: Id(1)] RecordChangeKind Kind,
    [property: Id(2)] string FacilityCode,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] int ConsentVersion,
    [property: Id(5)] bool ConsentRevoked);
