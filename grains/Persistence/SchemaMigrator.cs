using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KMN.Orleans.Grains.Persistence;

/// <summary>
/// Applies the numbered scripts of deploy/sql (embedded in this assembly) in order, each in its own
/// transaction, and records them in kmn_schema_migration. Safe to run from several processes at once
/// (an advisory lock serialises them) and safe to re-run (applied scripts are skipped). A script that
/// changed after it was applied is refused: migrations are append-only history.
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    private const long AdvisoryLockKey = 0x4B4D4E5F4D494752; // "KMN_MIGR"

    public static IReadOnlyList<Migration> EmbeddedMigrations()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("kmn.sql.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Migration.Load(assembly, n))
            .OrderBy(m => m.Version)
            .ToList();
    }

    /// <summary>Applies what is missing; returns the versions applied by this call.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", ct);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS kmn_schema_migration (
                    version    integer PRIMARY KEY,
                    name       text NOT NULL,
                    sha256     text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, ct);
            var applied = await ReadAppliedAsync(connection, ct);
            var done = new List<int>();
            foreach (var migration in EmbeddedMigrations())
            {
                if (applied.TryGetValue(migration.Version, out var sha))
                {
                    if (sha != migration.Sha256)
                        throw new InvalidOperationException(
                            $"Migration {migration.Name} was changed after it was applied. Add a new migration instead.");
                    continue;
                }
                await ApplyAsync(connection, migration, ct);
                done.Add(migration.Version);
            }
            return done;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken ct)
    {
        logger.LogInformation("Applying migration {Name}", migration.Name);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var script = new NpgsqlCommand(migration.Sql, connection, tx))
            await script.ExecuteNonQueryAsync(ct);
        await using (var record = new NpgsqlCommand(
            "INSERT INTO kmn_schema_migration (version, name, sha256) VALUES ($1, $2, $3)", connection, tx))
        {
            record.Parameters.AddWithValue(migration.Version);
            record.Parameters.AddWithValue(migration.Name);
            record.Parameters.AddWithValue(migration.Sha256);
            await record.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var result = new Dictionary<int, string>();
        await using var command = new NpgsqlCommand("SELECT version, sha256 FROM kmn_schema_migration", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result[reader.GetInt32(0)] = reader.GetString(1);
        return result;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>One numbered script, e.g. <c>0002_orleans_membership.sql</c>.</summary>
public sealed record Migration(int Version, string Name, string Sql, string Sha256)
{
    internal static Migration Load(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Missing resource {resourceName}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var sql = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        var name = resourceName["kmn.sql.".Length..];
        var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
        var sha = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
        return new Migration(version, name, sql, sha);
    }
}
