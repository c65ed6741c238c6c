using Npgsql;

namespace KMN.Orleans.Tests.Postgres;

/// <summary>The providers refuse to start when a query key is missing; check all of them up front.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OrleansQueryTests(PostgresFixture fixture)
{
    public static readonly TheoryData<string> RequiredKeys =
    [
        // Clustering (silo and client)
        "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey",
        "MembershipReadAllKey", "MembershipReadRowKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey",
        // Grain storage (DeleteStorageKey only matters with DeleteStateOnClear, but we ship it)
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
        // Reminders
        "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key",
        "ReadRangeRows2Key", "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    [Theory]
    [MemberData(nameof(RequiredKeys))]
    public async Task The_query_table_has_a_non_empty_text_for(string key)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        // The providers read exactly this, unquoted and unqualified.
        await using var command = new NpgsqlCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = $1", connection);
        command.Parameters.AddWithValue(key);

        var text = await command.ExecuteScalarAsync() as string;

        Assert.False(string.IsNullOrWhiteSpace(text), $"{key} is missing or empty");
    }
}
