using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Web.Services.Chart;

/// <summary>Subscribes to a patient's record-change pushes; disposing the handle unsubscribes.</summary>
public interface IRecordChangeSubscriber
{
    Task<IAsyncDisposable> SubscribeAsync(string patientId, Func<RecordChanged, Task> changed, CancellationToken cancellationToken = default);
}

/// <summary>A small fingerprint of a patient's record (row count, latest date, consent version); null when it cannot be read now.</summary>
public interface IRecordFingerprintSource
{
    Task<string?> ReadAsync(string patientId, CancellationToken cancellationToken = default);
}
