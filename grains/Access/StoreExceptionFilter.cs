using KMN.Orleans.Grains.Abstractions.Records;
using Npgsql;

namespace KMN.Orleans.Grains.Access;

/// <summary>
/// Npgsql's exceptions cannot cross the grain boundary (Orleans has no codec for them): a read or consent change
/// that hits a database outage would reach the caller as a serialization error. This filter, on every grain
/// call, turns them into exceptions the caller can read: a transient failure into
/// <see cref="RecordStoreUnavailableException"/> (the FHIR edge answers 503), anything else into a plain one.
/// </summary>
public sealed class StoreExceptionFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (NpgsqlException e)
        {
            throw Translate(e);
        }
    }

    public static Exception Translate(NpgsqlException e) => e.IsTransient
        ? new RecordStoreUnavailableException($"データベースに接続できません: {e.Message}")
        : new InvalidOperationException(e is PostgresException p ? $"database error {p.SqlState}: {p.MessageText}" : e.Message);
}
