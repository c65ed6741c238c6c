namespace KMN.Orleans.Grains.Abstractions.Records;

/// <summary>
/// The clinical store (PostgreSQL) was unreachable or broke off the work: whatever the call was writing was
/// rolled back, nothing of it is stored, and sending it again later is safe. It crosses the grain boundary in
/// place of the driver's own exception (which Orleans cannot carry), so the FHIR edge can answer 503.
/// </summary>
[GenerateSerializer, Alias("kmn.RecordStoreUnavailableException")]
public sealed class RecordStoreUnavailableException : Exception
{
    public RecordStoreUnavailableException()
    {
    }

    public RecordStoreUnavailableException(string message) : base(message)
    {
    }

    public RecordStoreUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
