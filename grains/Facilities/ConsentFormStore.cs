using System.Security.Cryptography;
using KMN.Orleans.Grains.Abstractions.Facilities;
using Npgsql;
using NpgsqlTypes;

namespace KMN.Orleans.Grains.Facilities;

/// <summary>kmn_consent_form: the scanned consent forms, written once, deleted only when their consent was refused.</summary>
public sealed class ConsentFormStore(NpgsqlDataSource dataSource)
{
    public async Task<string> SaveAsync(Guid id, string facility, string patient, ConsentFormUpload form, string? by,
        DateTimeOffset at, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO kmn_consent_form (id, facility_code, network_patient_id, file_name, content_type, content, sha256, uploaded_at, uploaded_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(facility);
        command.Parameters.AddWithValue(patient);
        command.Parameters.AddWithValue(Path.GetFileName(form.FileName.Trim()));
        command.Parameters.AddWithValue(form.ContentType);
        command.Parameters.AddWithValue(form.Content);
        command.Parameters.AddWithValue(SHA256.HashData(form.Content));
        command.Parameters.AddWithValue(at.ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)by ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(ct);
        return ConsentFormUpload.ReferencePrefix + id.ToString("D");
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM kmn_consent_form WHERE id = $1");
        command.Parameters.AddWithValue(id);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<StoredConsentForm?> ReadAsync(Guid id, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT facility_code, network_patient_id, file_name, content_type, content, uploaded_at
            FROM kmn_consent_form WHERE id = $1
            """);
        command.Parameters.AddWithValue(id);
        await using var r = await command.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct)
            ? new StoredConsentForm(ConsentFormUpload.ReferencePrefix + id.ToString("D"), r.GetString(0), r.GetString(1),
                r.GetString(2), r.GetString(3), r.GetFieldValue<byte[]>(4), r.GetFieldValue<DateTimeOffset>(5))
            : null;
    }

    public async Task<long> CountAsync(string patient, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM kmn_consent_form WHERE network_patient_id = $1");
        command.Parameters.AddWithValue(patient);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The id inside a form reference, or null when it names no stored form.</summary>
    public static Guid? IdOf(string? reference) =>
        reference is not null && reference.StartsWith(ConsentFormUpload.ReferencePrefix, StringComparison.Ordinal)
            && Guid.TryParse(reference.AsSpan(ConsentFormUpload.ReferencePrefix.Length), out var id) ? id : null;
}
