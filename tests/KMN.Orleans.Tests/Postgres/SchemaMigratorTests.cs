using KMN.Orleans.Grains.Persistence;
using KMN.Orleans.Tests.Support;
using Npgsql;

namespace KMN.Orleans.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class SchemaMigratorTests(PostgresFixture fixture)
{
    private static readonly int[] EmbeddedVersions = [.. SchemaMigrator.EmbeddedMigrations().Select(m => m.Version)];

    [Fact]
    public void The_embedded_migrations_are_numbered_one_to_n_without_gaps()
    {
        Assert.True(EmbeddedVersions.Length >= 5);
        Assert.Equal(Enumerable.Range(1, EmbeddedVersions.Length), EmbeddedVersions);
    }

    [Fact]
    public async Task A_fresh_database_gets_every_migration_recorded_in_order()
    {
        Assert.Equal(EmbeddedVersions, fixture.FirstMigration);
        Assert.Equal(EmbeddedVersions, await RecordedVersionsAsync(fixture.ConnectionString));
    }

    [Fact]
    public async Task A_second_run_applies_nothing()
    {
        Assert.Empty(await MigratedDatabase.MigrateAsync(fixture.ConnectionString));
        Assert.Equal(EmbeddedVersions, await RecordedVersionsAsync(fixture.ConnectionString));
    }

    [Fact]
    public async Task Concurrent_runs_apply_each_migration_exactly_once()
    {
        await fixture.Server.CreateDatabaseAsync("kmn_concurrent");
        var connectionString = fixture.Server.ConnectionString("kmn_concurrent");

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => MigratedDatabase.MigrateAsync(connectionString)));

        Assert.Equal(EmbeddedVersions, runs.SelectMany(r => r).Order());
        Assert.Equal(EmbeddedVersions, await RecordedVersionsAsync(connectionString));
    }

    [Fact]
    public async Task A_migration_changed_after_it_was_applied_is_refused()
    {
        var connectionString = await MigratedDatabase.CreateAsync(fixture.Server, "kmn_tampered");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var tamper = new NpgsqlCommand("UPDATE kmn_schema_migration SET sha256 = 'not-the-script' WHERE version = 3", connection);
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MigratedDatabase.MigrateAsync(connectionString));

        Assert.Contains("0003_", error.Message);
    }

    private static async Task<int[]> RecordedVersionsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version FROM kmn_schema_migration ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<int>();
        while (await reader.ReadAsync())
            versions.Add(reader.GetInt32(0));
        return [.. versions];
    }
}
