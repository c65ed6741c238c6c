using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Records;
using Npgsql;

namespace KMN.Orleans.Grains.Records;

/// <summary>Lookups the FHIR edge needs before an upload: identifiers (conditional references) and existence.</summary>
public sealed class RecordLookups(NpgsqlDataSource dataSource)
{
    /// <summary>Prefers the calling facility's own resource when several facilities registered the identifier.</summary>
    public async Task<ImmutableArray<ResolvedIdentifier>> ResolveAsync(string facility, ImmutableArray<IdentifierLookup> lookups,
        CancellationToken ct = default)
    {
        if (lookups.IsDefaultOrEmpty)
            return [];
        await using var command = dataSource.CreateCommand("""
            SELECT k.n, r.resource_id
            FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS k(t, s, v, n)
            CROSS JOIN LATERAL (
                SELECT resource_id FROM kmn_resource_identifier
                WHERE resource_type = k.t AND system = k.s AND value = k.v
                ORDER BY (source_facility = $4) DESC LIMIT 1) r
            """);
        command.Parameters.AddWithValue(lookups.Select(l => l.ResourceType).ToArray());
        command.Parameters.AddWithValue(lookups.Select(l => l.Identifier.System).ToArray());
        command.Parameters.AddWithValue(lookups.Select(l => l.Identifier.Value).ToArray());
        command.Parameters.AddWithValue(facility);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var result = ImmutableArray.CreateBuilder<ResolvedIdentifier>();
        while (await reader.ReadAsync(ct))
            result.Add(new ResolvedIdentifier(lookups[(int)reader.GetInt64(0) - 1], reader.GetString(1)));
        return result.ToImmutable();
    }

    public async Task<ImmutableArray<string>> ExistingAsync(ImmutableArray<string> typeSlashIds, CancellationToken ct = default)
    {
        if (typeSlashIds.IsDefaultOrEmpty)
            return [];
        await using var command = dataSource.CreateCommand("""
            SELECT k.ref FROM unnest($1::text[]) AS k(ref)
            WHERE EXISTS (SELECT 1 FROM kmn_resource_head
                          WHERE resource_type = split_part(k.ref, '/', 1) AND resource_id = split_part(k.ref, '/', 2))
            """);
        command.Parameters.AddWithValue(typeSlashIds.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        var result = ImmutableArray.CreateBuilder<string>();
        while (await reader.ReadAsync(ct))
            result.Add(reader.GetString(0));
        return result.ToImmutable();
    }

    /// <summary>The consents stored for a patient, oldest first (the record grain loads them on activation).</summary>
    public async Task<ImmutableArray<ConsentGrant>> ConsentsAsync(string patient, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT consent_date, signer, all_facilities, permitted_facilities, registered_by_facility, resource_id
            FROM kmn_consent WHERE network_patient_id = $1 ORDER BY seq
            """);
        command.Parameters.AddWithValue(patient);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var result = ImmutableArray.CreateBuilder<ConsentGrant>();
        while (await reader.ReadAsync(ct))
            result.Add(new ConsentGrant(reader.GetFieldValue<DateOnly>(0), ConsentSignerText.FromText(reader.GetString(1)),
                reader.GetBoolean(2), [.. reader.GetFieldValue<string[]>(3)], reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        return result.ToImmutable();
    }
}
