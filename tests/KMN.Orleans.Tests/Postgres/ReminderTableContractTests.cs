using Microsoft.Extensions.DependencyInjection;

namespace KMN.Orleans.Tests.Postgres;

/// <summary>The reminder half of the ADO.NET contract (§9.3), through the silo's own reminder table.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReminderTableContractTests(PostgresFixture fixture)
{
    private IReminderTable Table => fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();

    [Fact]
    public async Task Upsert_changes_the_version_and_remove_needs_the_current_one()
    {
        var grain = GrainId.Create("kmn-test-reminder-owner", Guid.NewGuid().ToString("N"));
        // Far in the future: the running silo must never try to deliver this row.
        var startAt = DateTime.UtcNow.AddDays(30);
        ReminderEntry Entry(TimeSpan period) => new() { GrainId = grain, ReminderName = "daily", StartAt = startAt, Period = period };

        var firstETag = await Table.UpsertRow(Entry(TimeSpan.FromDays(1)));
        var secondETag = await Table.UpsertRow(Entry(TimeSpan.FromDays(40)));

        Assert.NotNull(firstETag);
        Assert.NotNull(secondETag);
        Assert.NotEqual(firstETag, secondETag);
        var stored = Assert.Single((await Table.ReadRows(grain)).Reminders);
        Assert.Equal(TimeSpan.FromDays(40), stored.Period); // longer than int milliseconds: bigint column
        Assert.Equal(secondETag, stored.ETag);
        Assert.InRange(stored.StartAt, startAt.AddMilliseconds(-1), startAt.AddMilliseconds(1));
        Assert.Equal(DateTimeKind.Utc, stored.StartAt.Kind);

        Assert.False(await Table.RemoveRow(grain, "daily", firstETag));
        Assert.True(await Table.RemoveRow(grain, "daily", secondETag));
        Assert.Empty((await Table.ReadRows(grain)).Reminders);
        Assert.Null(await Table.ReadRow(grain, "daily"));
    }
}
