using Npgsql;
using Orleans.Storage;

namespace KMN.Orleans.Tests.Postgres;

/// <summary>
/// The grain-storage half of the ADO.NET contract (shared/reference §9.2), through the provider the silo
/// registers: ETags 1, 2, clear → 3 with no record, then 4; stale ETags conflict; every key shape round-trips.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class GrainStorageContractTests(PostgresFixture fixture)
{
    private readonly StorageProbe _storage = new(fixture.Cluster);

    [Fact]
    public async Task ETags_count_writes_and_clears_and_a_cleared_state_reads_as_no_record()
    {
        var id = StorageProbe.IntegerKey(Random.Shared.NextInt64(1, long.MaxValue));
        var state = await _storage.ReadAsync(id);
        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);

        Assert.Equal("1", await _storage.WriteAsync(id, state, "一"));
        Assert.Equal("2", await _storage.WriteAsync(id, state, "二"));
        Assert.Equal("3", await _storage.ClearAsync(id, state));

        var cleared = await _storage.ReadAsync(id);
        Assert.Equal(("3", false, ""), (cleared.ETag, cleared.RecordExists, cleared.State!.Text));

        Assert.Equal("4", await _storage.WriteAsync(id, cleared, "四"));
        var reread = await _storage.ReadAsync(id);
        Assert.Equal(("4", true, "四"), (reread.ETag, reread.RecordExists, reread.State!.Text));
    }

    [Fact]
    public async Task A_write_with_a_stale_ETag_is_a_conflict_and_changes_nothing()
    {
        var id = StorageProbe.IntegerKey(Random.Shared.NextInt64(1, long.MaxValue));
        var first = await _storage.ReadAsync(id);
        await _storage.WriteAsync(id, first, "original");
        var stale = await _storage.ReadAsync(id);
        await _storage.WriteAsync(id, first, "newer");

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteAsync(id, stale, "lost update"));
        Assert.Equal("newer", (await _storage.ReadAsync(id)).State!.Text);
    }

    [Fact]
    public async Task A_second_first_write_of_the_same_grain_is_a_conflict()
    {
        var id = StorageProbe.StringKey($"race-{Guid.NewGuid():N}");
        var winner = await _storage.ReadAsync(id);
        var loser = await _storage.ReadAsync(id);
        await _storage.WriteAsync(id, winner, "winner");

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteAsync(id, loser, "loser"));
        Assert.Equal("winner", (await _storage.ReadAsync(id)).State!.Text);
    }

    [Fact]
    public async Task Integer_string_and_guid_with_extension_keys_round_trip_without_mixing()
    {
        var n = Random.Shared.NextInt64(1, long.MaxValue);
        var guid = Guid.NewGuid();
        var ids = new[]
        {
            StorageProbe.IntegerKey(n),
            StorageProbe.StringKey(n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            StorageProbe.StringKey($"患者/{guid}"),
            StorageProbe.GuidKey(guid, "熊本"),
            StorageProbe.GuidKey(guid, "阿蘇"),
        };

        foreach (var id in ids)
            await _storage.WriteAsync(id, await _storage.ReadAsync(id), $"state of {id}");

        foreach (var id in ids)
            Assert.Equal($"state of {id}", (await _storage.ReadAsync(id)).State!.Text);
        Assert.Equal(n, await ScalarAsync<long>("SELECT grain_id_n1 FROM orleans_grain_state WHERE grain_id_n1 = $1 AND grain_id_extension IS NULL", n));
        Assert.Equal(1L, await ScalarAsync<long>(
            "SELECT count(*) FROM orleans_grain_state WHERE grain_id_n0 = 0 AND grain_id_n1 = 0 AND grain_id_extension = $1",
            $"患者/{guid}"));
        var bytes = guid.ToByteArray();
        Assert.Equal(2, await ScalarAsync<long>(
            "SELECT count(*) FROM orleans_grain_state WHERE grain_id_n0 = $1 AND grain_id_n1 = $2 AND grain_id_extension IN ('熊本', '阿蘇')",
            BitConverter.ToInt64(bytes, 0), BitConverter.ToInt64(bytes, 8)));
    }

    private async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
            command.Parameters.AddWithValue(parameter);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
