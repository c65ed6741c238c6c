using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Records;
using Npgsql;

namespace KMN.Orleans.Grains.Records;

/// <summary>
/// Stores one upload in ONE database transaction: identity, versions, rows (COPY), heads, links, identifiers,
/// consents and the audit row commit together or not at all.
/// </summary>
public sealed class RecordUploadWriter(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public sealed record Outcome(UploadResult Result, RecordAppendNotice? Notice);

    /// <param name="consentsOf">Asks the patient's record grain for its consents (the grain is the truth).</param>
    public async Task<Outcome> WriteAsync(UploadRequest request,
        Func<string, Task<ImmutableArray<ConsentGrant>>> consentsOf, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);

        string? patient = null;
        if (request.PatientChart is { } chart)
        {
            patient = await PatientIdentityStore.ResolveOrCreateAsync(connection, request.FacilityCode, chart, ct);
            await LockPatientAsync(connection, patient, ct);
            if (request.Consents.IsDefaultOrEmpty && (await consentsOf(patient)).IsDefaultOrEmpty)
                return new Outcome(new UploadResult(UploadStatus.ConsentRequired, patient, [],
                    $"患者 {patient} の同意がありません。Consent リソースを含めてください。"), null);
        }

        var now = clock.GetUtcNow();
        var latest = await LatestVersions.ReadAsync(connection, request.Entries, ct);
        var rows = new List<ClinicalRowWriter.Row>();
        var stored = ImmutableArray.CreateBuilder<StoredEntry>(request.Entries.Length);
        foreach (var entry in request.Entries)
        {
            var owner = entry.PatientBound ? patient : null;
            if (latest.TryGetValue((entry.ResourceType, entry.ResourceId), out var current))
            {
                if (current.Hash.AsSpan().SequenceEqual(entry.ContentHash))
                {
                    stored.Add(new StoredEntry(entry.Index, entry.ResourceType, entry.ResourceId, current.Version,
                        EntryWrite.Unchanged, current.RecordedAt));
                    continue;
                }
                rows.Add(new ClinicalRowWriter.Row(entry, current.Version + 1, owner));
                stored.Add(new StoredEntry(entry.Index, entry.ResourceType, entry.ResourceId, current.Version + 1, EntryWrite.NewVersion, now));
            }
            else
            {
                rows.Add(new ClinicalRowWriter.Row(entry, 1, owner));
                stored.Add(new StoredEntry(entry.Index, entry.ResourceType, entry.ResourceId, 1, EntryWrite.Created, now));
            }
        }

        await ClinicalRowWriter.CopyAsync(connection, rows, request.FacilityCode, request.UploadId, now, ct);
        await ResourceHeads.CopyNewAsync(connection, rows, request.FacilityCode, now, ct);
        await UploadSideTables.WriteAsync(connection, request, patient, rows, now, ct);
        await tx.CommitAsync(ct);

        var notice = patient is null ? null : new RecordAppendNotice(request.UploadId, request.FacilityCode,
            rows.Count(r => r.NetworkPatientId is not null),
            rows.Select(r => r.Entry.Indexed.Effective).Max(), request.Consents);
        return new Outcome(new UploadResult(UploadStatus.Stored, patient, stored.MoveToImmutable(), null), notice);
    }

    /// <summary>Serializes uploads for one patient, so two of them never race for the same version number.</summary>
    private static async Task LockPatientAsync(NpgsqlConnection connection, string patient, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('kmn-patient:' || $1))", connection);
        command.Parameters.AddWithValue(patient);
        await command.PrepareAsync(ct);
        await command.ExecuteNonQueryAsync(ct);
    }
}
