using KMN.Orleans.TestSupport;
using Npgsql;

namespace KMN.Orleans.Benchmarks;

/// <summary>
/// The throwaway test server starts with <c>-c fsync=off</c> on its command line, and a command-line setting
/// outranks ALTER SYSTEM, so "durable" has to mean a restart without it: fsync and synchronous commit on,
/// every commit flushed to disk, as production runs.
/// </summary>
public static class DurablePostgres
{
    /// <param name="statements">Also load pg_stat_statements, to print where the server's time went.</param>
    public static async Task RestartDurableAsync(PostgresServer server, bool statements = false)
    {
        await server.StopAsync();
        var root = Path.GetDirectoryName(server.DataDirectory)!;
        var pgCtl = Path.Combine(PostgresBinaries.FindBinDirectory(), "pg_ctl");
        string[] args =
        [
            "-D", server.DataDirectory, "start", "-w", "-t", "60", "-l", Path.Combine(root, "server.log"),
            "-o", $"-p {server.Port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=200 " +
                  "-c fsync=on -c synchronous_commit=on -c full_page_writes=on -c TimeZone=Asia/Tokyo" +
                  (statements ? " -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all" : ""),
        ];
        await ProcessRunner.RunAsync(pgCtl, args, Environment.UserName == "root" ? "kmnpg" : null);
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>The settings that decide durability, as the server reports them (printed with the numbers).</summary>
    public static async Task<string> DescribeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT 'fsync=' || current_setting('fsync') || ' synchronous_commit=' || current_setting('synchronous_commit') " +
            "|| ' full_page_writes=' || current_setting('full_page_writes') || ' wal_sync_method=' || current_setting('wal_sync_method')",
            connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
