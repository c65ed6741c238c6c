using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Grains.Audit;
using KMN.Orleans.Grains.Records;
using Npgsql;
using NpgsqlTypes;

namespace KMN.Orleans.Grains.Access;

/// <summary>
/// kmn_consent_version, written only by the patient's record grain: each new version commits together with its
/// audit row. Also reads the consents uploads left in kmn_consent that the grain has not turned into versions yet.
/// </summary>
public sealed class ConsentStore(NpgsqlDataSource dataSource)
{
    /// <summary>A Consent that arrived in an upload (kmn_consent row).</summary>
    public sealed record Uploaded(long Seq, ConsentGrant Grant, DateTimeOffset RecordedAt);

    private const string Columns = """
        network_patient_id, version, change, changed_at, changed_by_facility, changed_by_account, consent_date, signer,
        signer_name, signer_relationship, all_facilities, permitted_facilities, revoked, registered_by_facility,
        registered_by_account, form_reference, fhir_resource_id, note
        """;

    public async Task<ConsentVersion?> CurrentAsync(string patient, CancellationToken ct = default) =>
        (await ReadAsync($"SELECT {Columns} FROM kmn_consent_version WHERE network_patient_id = $1 ORDER BY version DESC LIMIT 1", patient, ct))
        .FirstOrDefault();

    public async Task<ImmutableArray<ConsentVersion>> HistoryAsync(string patient, CancellationToken ct = default) =>
        await ReadAsync($"SELECT {Columns} FROM kmn_consent_version WHERE network_patient_id = $1 ORDER BY version", patient, ct);

    /// <summary>Uploaded consents newer than the last one made into a version, oldest first.</summary>
    public async Task<IReadOnlyList<Uploaded>> PendingUploadsAsync(string patient, long after, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT seq, consent_date, signer, all_facilities, permitted_facilities, registered_by_facility, resource_id, recorded_at
            FROM kmn_consent
            WHERE network_patient_id = $1
              AND seq > greatest($2, coalesce((SELECT max(source_consent_seq) FROM kmn_consent_version WHERE network_patient_id = $1), 0))
            ORDER BY seq
            """);
        command.Parameters.AddWithValue(patient);
        command.Parameters.AddWithValue(after);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var result = new List<Uploaded>();
        while (await reader.ReadAsync(ct))
            result.Add(new Uploaded(reader.GetInt64(0), new ConsentGrant(reader.GetFieldValue<DateOnly>(1),
                ConsentSignerText.FromText(reader.GetString(2)), reader.GetBoolean(3), [.. reader.GetFieldValue<string[]>(4)],
                reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)), reader.GetFieldValue<DateTimeOffset>(7)));
        return result;
    }

    /// <summary>The facilities whose uploads hold rows of this patient (the record grain's summary may have missed one).</summary>
    public async Task<IReadOnlyList<string>> ContributorsAsync(string patient, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT DISTINCT source_facility FROM kmn_resource_head WHERE network_patient_id = $1");
        command.Parameters.AddWithValue(patient);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var result = new List<string>();
        while (await reader.ReadAsync(ct))
            result.Add(reader.GetString(0));
        return result;
    }

    /// <summary>Whether any facility's chart number names this network patient.</summary>
    public async Task<bool> HasIdentityAsync(string patient, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM kmn_patient_identity WHERE network_patient_id = $1)");
        command.Parameters.AddWithValue(patient);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Appends a version and its audit row in one transaction. A duplicate version number throws (another activation won).</summary>
    public async Task AppendAsync(ConsentVersion v, long? sourceSeq, AuditRecord audit, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(connection, tx);
        var insert = new NpgsqlBatchCommand($"""
            INSERT INTO kmn_consent_version ({Columns}, source_consent_seq)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
            """);
        var p = insert.Parameters;
        p.AddWithValue(v.PatientId);
        p.AddWithValue(v.Version);
        p.AddWithValue(ChangeText(v.Change));
        p.AddWithValue(v.ChangedAt.ToUniversalTime());
        p.AddWithValue(v.ChangedByFacility);
        p.Add(Text(v.ChangedByAccount));
        p.AddWithValue(v.ConsentDate);
        p.AddWithValue(ConsentSignerText.ToText(v.Signer.Kind));
        p.Add(Text(v.Signer.ProxyName));
        p.Add(Text(v.Signer.ProxyRelationship));
        p.AddWithValue(v.Scope.AllFacilities);
        p.AddWithValue(v.Scope.Facilities.IsDefault ? [] : v.Scope.Facilities.ToArray());
        p.AddWithValue(v.Revoked);
        p.AddWithValue(v.RegisteredByFacility);
        p.Add(Text(v.RegisteredByAccount));
        p.Add(Text(v.FormReference));
        p.Add(Text(v.FhirResourceId));
        p.Add(Text(v.Note));
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)sourceSeq ?? DBNull.Value });
        batch.BatchCommands.Add(insert);
        batch.BatchCommands.Add(NpgsqlAuditTrail.Command(audit));
        await batch.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    private async Task<ImmutableArray<ConsentVersion>> ReadAsync(string sql, string patient, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue(patient);
        await using var r = await command.ExecuteReaderAsync(ct);
        var result = ImmutableArray.CreateBuilder<ConsentVersion>();
        while (await r.ReadAsync(ct))
        {
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            result.Add(new ConsentVersion(r.GetString(0), r.GetInt32(1), ChangeOf(r.GetString(2)), r.GetFieldValue<DateTimeOffset>(3),
                r.GetString(4), S(5), r.GetFieldValue<DateOnly>(6),
                new ConsentSignature(ConsentSignerText.FromText(r.GetString(7)), S(8), S(9)),
                new ConsentScope(r.GetBoolean(10), [.. r.GetFieldValue<string[]>(11)]), r.GetBoolean(12), r.GetString(13), S(14),
                S(15), S(16), S(17)));
        }
        return result.ToImmutable();
    }

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static string ChangeText(ConsentChange change) => change switch
    {
        ConsentChange.Registered => "register",
        ConsentChange.FacilitiesAdded => "add",
        ConsentChange.FacilitiesRemoved => "remove",
        ConsentChange.Revoked => "revoke",
        _ => "upload",
    };

    private static ConsentChange ChangeOf(string text) => text switch
    {
        "register" => ConsentChange.Registered,
        "add" => ConsentChange.FacilitiesAdded,
        "remove" => ConsentChange.FacilitiesRemoved,
        "revoke" => ConsentChange.Revoked,
        _ => ConsentChange.Uploaded,
    };
}
