using KMN.Orleans.Grains.Abstractions.Records;
using Npgsql;

namespace KMN.Orleans.Grains.Persistence;

/// <summary>
/// The one rule for turning a database failure into an exception that can cross the grain boundary (Orleans has
/// no codec for Npgsql's): an outage becomes <see cref="RecordStoreUnavailableException"/> (the FHIR edge answers
/// 503), any other database error a plain exception (500). Uploads and reads must agree on what an outage is.
/// </summary>
public static class StoreFailures
{
    /// <summary>Lost or refused connections and the server shutting down or out of resources (SQLSTATE 08, 57P, 53).</summary>
    public static bool IsOutage(NpgsqlException e) => e is not PostgresException p || p.IsTransient
        || p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("57P", StringComparison.Ordinal)
        || p.SqlState.StartsWith("53", StringComparison.Ordinal);

    public static Exception Translate(NpgsqlException e) => IsOutage(e)
        ? new RecordStoreUnavailableException($"データベースに接続できません: {e.Message}")
        : new InvalidOperationException(e is PostgresException p ? $"database error {p.SqlState}: {p.MessageText}" : e.Message);
}
