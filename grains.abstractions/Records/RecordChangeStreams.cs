namespace KMN.Orleans.Grains.Abstractions.Records;

/// <summary>
/// The live "this patient's record changed" stream: a memory stream of <see cref="Access.AccessStreams.Provider"/>
/// keyed by the network patient id. Open charts subscribe to reload themselves; the stream carries only a small
/// <see cref="RecordChanged"/> notice, never clinical data, and losing one is harmless (the rows are the truth).
/// </summary>
public static class RecordChangeStreams
{
    public const string Namespace = "kmn.record-changed";
}
