using KMN.Orleans.Grains.Audit;
using KMN.Orleans.Silo.Audit;
using KMN.Orleans.Tests.Support;
using Npgsql;

namespace KMN.Orleans.Tests.Access;

/// <summary>
/// The audit trail's hash chains on real PostgreSQL, in a database of their own: concurrent writers of one
/// chain keep it linear; a hand-edited row and a deleted row are found by the verifier and the silo command.
/// </summary>
[Collection(AccessCollection.Name)]
public sealed class HashChainTests(AccessFixture fixture)
{
    [Fact]
    public async Task Concurrent_writers_keep_every_chain_intact_and_edits_and_deletions_are_detected()
    {
        var connectionString = await MigratedDatabase.CreateAsync(fixture.Server, "kmn_audit_chain");
        await using var db = NpgsqlDataSource.Create(connectionString);
        var trail = new NpgsqlAuditTrail(db);
        // Two patients written from many tasks at once (two silos reading one patient), plus an account chain.
        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => trail.AppendAsync(new AuditRecord(
            AuditChains.Patient(i % 2 == 0 ? "990000000001" : "990000000002"), DateTimeOffset.UtcNow, AuditTypes.RecordAccess, "read",
            AuditOutcomes.Success, FacilityCode: "4310000017", PatientId: i % 2 == 0 ? "990000000001" : "990000000002",
            Categories: ["病名", "検体検査"], ResourceCount: i, Query: $"read {i}"))));
        await trail.AppendAsync(new AuditRecord(AuditChains.Account("4310000017-01"), DateTimeOffset.UtcNow, AuditTypes.Security,
            "sign-in", AuditOutcomes.Failure, "WrongPassword", AccountId: "4310000017-01"));

        var intact = await AuditChainVerifier.VerifyAsync(db);
        Assert.True(intact.Intact, string.Join("\n", intact.Breaks));
        Assert.Equal((61L, 3L), (intact.Rows, intact.Chains));
        Assert.Equal(0, await AuditVerifyCommand.RunAsync([$"--Database:ConnectionString={connectionString}"]));

        // Someone with superuser rights switches the append-only triggers off and edits one row...
        var edited = await SeqAsync(db, "SELECT seq FROM kmn_audit_event WHERE chain_key = 'patient:990000000001' AND chain_seq = 10");
        await TamperAsync(db, $"UPDATE kmn_audit_event SET resource_count = resource_count + 1 WHERE seq = {edited}");
        // ...and deletes another from the other patient's chain.
        var deleted = await SeqAsync(db, "SELECT seq FROM kmn_audit_event WHERE chain_key = 'patient:990000000002' AND chain_seq = 5");
        await TamperAsync(db, $"DELETE FROM kmn_audit_event WHERE seq = {deleted}");

        var broken = await AuditChainVerifier.VerifyAsync(db);
        Assert.False(broken.Intact);
        Assert.Contains(broken.Breaks, b => b.Seq == edited && b.Problem.Contains("改ざん", StringComparison.Ordinal));
        Assert.Contains(broken.Breaks, b => b.ChainKey == "patient:990000000002" && b.ChainSeq == 6);
        Assert.DoesNotContain(broken.Breaks, b => b.ChainKey == "account:4310000017-01");
        Assert.Equal(2, await AuditVerifyCommand.RunAsync([$"--Database:ConnectionString={connectionString}"]));
    }

    [Fact]
    public async Task The_trail_refuses_updates_and_deletes()
    {
        await using var command = fixture.Database.CreateCommand("UPDATE kmn_audit_event SET outcome = 'success'");
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Contains("append-only", refused.MessageText);
    }

    private static async Task<long> SeqAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task TamperAsync(NpgsqlDataSource db, string sql)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using (var off = new NpgsqlCommand("SET LOCAL session_replication_role = replica", connection, tx))
            await off.ExecuteNonQueryAsync();
        await using (var change = new NpgsqlCommand(sql, connection, tx))
            Assert.Equal(1, await change.ExecuteNonQueryAsync());
        await tx.CommitAsync();
    }
}
