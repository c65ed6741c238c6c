using Npgsql;

namespace KMN.Orleans.Benchmarks;

/// <summary>PostgreSQL's busiest statements (pg_stat_statements) since a reset: where the server's time went.</summary>
public sealed class PgStatements(string connectionString)
{
    public static async Task<PgStatements> ResetAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset();", connection);
        await command.ExecuteNonQueryAsync();
        return new PgStatements(connectionString);
    }

    public async Task PrintAsync(int top = 15)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            SELECT round(total_exec_time)::bigint, calls, rows, (total_exec_time / greatest(calls, 1))::float8,
                   left(regexp_replace(query, '\s+', ' ', 'g'), 110)
            FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT {top}
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Console.WriteLine("PostgreSQL statements by total time (ms, calls, rows, ms/call, statement):");
        while (await reader.ReadAsync())
            Console.WriteLine($"  {reader.GetInt64(0),7} {reader.GetInt64(1),7} {reader.GetInt64(2),8} {reader.GetDouble(3),8:F2}  {reader.GetString(4)}");
    }
}
