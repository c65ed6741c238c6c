using KMN.Orleans.Grains.Persistence;
using Npgsql;

namespace KMN.Orleans.Grains.Access;

/// <summary>
/// Npgsql's exceptions cannot cross the grain boundary (Orleans has no codec for them): a read or consent change
/// that hits a database outage would reach the caller as a serialization error. This filter, on every grain
/// call, turns them into exceptions the caller can read, by the same rule as uploads (<see cref="StoreFailures"/>).
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
            throw StoreFailures.Translate(e);
        }
    }
}
