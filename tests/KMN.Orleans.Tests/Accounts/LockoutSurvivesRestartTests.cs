using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Hosting;
using KMN.Orleans.Grains.Accounts;
using KMN.Orleans.TestSupport;
using KMN.Orleans.Tests.Support;
using Npgsql;

namespace KMN.Orleans.Tests.Accounts;

/// <summary>
/// On real PostgreSQL: an account locked by repeated failures is still locked after every silo stopped and
/// a new cluster started, and every attempt is a row in the append-only kmn_security_event table.
/// </summary>
public sealed class LockoutSurvivesRestartTests(TestPki pki) : IClassFixture<TestPki>
{
    [Fact]
    public async Task The_lock_survives_a_cluster_restart_and_every_attempt_is_audited_append_only()
    {
        await using var server = await PostgresServer.StartAsync();
        var connectionString = await MigratedDatabase.CreateAsync(server, "kmn_accounts");
        var ids = new ClusterSettings { ClusterId = "kmn-accounts", ServiceId = "kmn-accounts" };
        string accountId;
        CardFacts card;

        var first = await PostgresCluster.StartAsync(connectionString, ids, silos: 1);
        try
        {
            (_, var profile, card) = await AccountTestSupport.CreateAsync(first.Client, pki);
            accountId = profile.AccountId;
            var signIn = first.Client.GetGrain<ISignInGrain>(0);
            for (var i = 0; i < LockoutPolicy.MaxConsecutiveFailures; i++)
                await signIn.SignInAsync(CardVerdict.Accept(card), "wrong-password", "192.0.2.1");
        }
        finally
        {
            await PostgresCluster.StopAsync(first);
        }

        var second = await PostgresCluster.StartAsync(connectionString, ids, silos: 1);
        try
        {
            var result = await second.Client.GetGrain<ISignInGrain>(0).SignInAsync(CardVerdict.Accept(card), AccountTestSupport.Password, null);

            Assert.Equal(SignInReason.Locked, result.Reason);
            Assert.NotNull((await second.Client.GetGrain<IStaffAccountGrain>(accountId).GetStatusAsync()).LockedUntil);
        }
        finally
        {
            await PostgresCluster.StopAsync(second);
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var count = new NpgsqlCommand(
            "SELECT action, outcome, reason, count(*) FROM kmn_security_event WHERE account_id = $1 GROUP BY 1, 2, 3", connection))
        {
            count.Parameters.AddWithValue(accountId);
            await using var reader = await count.ExecuteReaderAsync();
            var rows = new Dictionary<string, long>();
            while (await reader.ReadAsync())
                rows[$"{reader.GetString(0)}/{reader.GetString(1)}/{(reader.IsDBNull(2) ? "" : reader.GetString(2))}"] = reader.GetInt64(3);
            // The fifth wrong password is answered "Locked" and logged with the account-locked event.
            Assert.Equal(LockoutPolicy.MaxConsecutiveFailures - 1, rows["sign-in/failure/WrongPassword"]);
            Assert.Equal(1, rows["account-locked/failure/WrongPassword"]);
            Assert.Equal(2, rows["sign-in/failure/Locked"]);
            Assert.Equal(1, rows["card-bound/success/"]);
            Assert.Equal(1, rows["password-set/success/"]);
        }
        await using var tamper = new NpgsqlCommand("UPDATE kmn_security_event SET outcome = 'success'", connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => tamper.ExecuteNonQueryAsync());
        Assert.Contains("append-only", refused.MessageText);
    }
}
