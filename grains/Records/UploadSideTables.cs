using KMN.Orleans.Grains.Abstractions.Records;
using Npgsql;

namespace KMN.Orleans.Grains.Records;

/// <summary>What an upload writes beside the rows: heads, links, identifiers, consents, audit — one batch, same transaction.</summary>
internal static class UploadSideTables
{
    public static async Task WriteAsync(NpgsqlConnection connection, UploadRequest request, string? patient,
        IReadOnlyList<ClinicalRowWriter.Row> rows, DateTimeOffset now, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection);
        if (ResourceHeads.Advance(rows, request.FacilityCode, now) is { } advance)
            batch.BatchCommands.Add(advance);
        if (patient is not null)
        {
            var shared = request.Entries.Where(e => !e.PatientBound).ToList();
            var link = new NpgsqlBatchCommand("""
                INSERT INTO kmn_patient_linked_resource (network_patient_id, resource_type, resource_id)
                SELECT $1, t, i FROM unnest($2::text[], $3::text[]) AS k(t, i) ON CONFLICT DO NOTHING
                """);
            link.Parameters.AddWithValue(patient);
            link.Parameters.AddWithValue(shared.Select(e => e.ResourceType).ToArray());
            link.Parameters.AddWithValue(shared.Select(e => e.ResourceId).ToArray());
            batch.BatchCommands.Add(link);
        }

        var identified = request.Entries.SelectMany(e => e.Identifiers.IsDefault ? [] : e.Identifiers.Select(i => (e, i))).ToList();
        var ids = new NpgsqlBatchCommand("""
            INSERT INTO kmn_resource_identifier (resource_type, system, value, source_facility, resource_id)
            SELECT t, s, v, $5, i FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS k(t, s, v, i)
            ON CONFLICT (resource_type, system, value, source_facility) DO UPDATE SET resource_id = EXCLUDED.resource_id
            """);
        ids.Parameters.AddWithValue(identified.Select(x => x.e.ResourceType).ToArray());
        ids.Parameters.AddWithValue(identified.Select(x => x.i.System).ToArray());
        ids.Parameters.AddWithValue(identified.Select(x => x.i.Value).ToArray());
        ids.Parameters.AddWithValue(identified.Select(x => x.e.ResourceId).ToArray());
        ids.Parameters.AddWithValue(request.FacilityCode);
        batch.BatchCommands.Add(ids);

        foreach (var consent in patient is null ? [] : request.Consents)
        {
            var c = new NpgsqlBatchCommand("""
                INSERT INTO kmn_consent (network_patient_id, consent_date, signer, all_facilities,
                    permitted_facilities, registered_by_facility, resource_id)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                """);
            c.Parameters.AddWithValue(patient!);
            c.Parameters.AddWithValue(consent.Date);
            c.Parameters.AddWithValue(ConsentSignerText.ToText(consent.Signer));
            c.Parameters.AddWithValue(consent.AllFacilities);
            c.Parameters.AddWithValue(consent.PermittedFacilities.IsDefault ? [] : consent.PermittedFacilities.ToArray());
            c.Parameters.AddWithValue(consent.RegisteredByFacility);
            c.Parameters.AddWithValue((object?)consent.ResourceId ?? DBNull.Value);
            batch.BatchCommands.Add(c);
        }

        batch.BatchCommands.Add(AuditEvents.Command(request.FacilityCode, "upload", patient,
            $"upload {request.UploadId}", rows.Count, "success"));
        // Prepared once per pooled connection: PostgreSQL then skips parsing and planning on every later upload.
        await batch.PrepareAsync(ct);
        await batch.ExecuteNonQueryAsync(ct);
    }
}
