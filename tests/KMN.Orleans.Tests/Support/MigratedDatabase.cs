using KMN.Orleans.Grains.Persistence;
using KMN.Orleans.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace KMN.Orleans.Tests.Support;

/// <summary>A database on a test server with the schema deploy/up.sh applies (the same embedded scripts).</summary>
public static class MigratedDatabase
{
    public static async Task<string> CreateAsync(PostgresServer server, string name)
    {
        await server.CreateDatabaseAsync(name);
        var connectionString = server.ConnectionString(name);
        await MigrateAsync(connectionString);
        return connectionString;
    }

    public static async Task<IReadOnlyList<int>> MigrateAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        return await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
    }
}
