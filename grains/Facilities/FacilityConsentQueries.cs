using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Grains.Records;
using Npgsql;

namespace KMN.Orleans.Grains.Facilities;

/// <summary>
/// The consents a facility registered: for each patient whose consent versions name the facility as the
/// registering one, the newest version, if it still does (a consent re-registered elsewhere moved away).
/// </summary>
public sealed class FacilityConsentQueries(NpgsqlDataSource dataSource)
{
    public async Task<FacilityConsentPage> PageAsync(string facility, int offset, int limit, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT c.network_patient_id, c.version, c.change, c.changed_at, c.changed_by_facility, c.changed_by_account,
                   c.consent_date, c.signer, c.signer_name, c.signer_relationship, c.all_facilities, c.permitted_facilities,
                   c.revoked, c.registered_by_facility, c.registered_by_account, c.form_reference, c.fhir_resource_id, c.note,
                   d.family_name || ' ' || d.given_name, d.family_name_kana || ' ' || d.given_name_kana
            FROM (SELECT DISTINCT ON (v.network_patient_id) v.*
                  FROM kmn_consent_version v
                  WHERE v.network_patient_id IN (SELECT network_patient_id FROM kmn_consent_version WHERE registered_by_facility = $1)
                  ORDER BY v.network_patient_id, v.version DESC) c
            LEFT JOIN kmn_patient_directory d ON d.network_patient_id = c.network_patient_id
            WHERE c.registered_by_facility = $1
            ORDER BY c.changed_at DESC, c.network_patient_id
            LIMIT $2 OFFSET $3
            """);
        command.Parameters.AddWithValue(facility);
        command.Parameters.AddWithValue(limit + 1); // one more than asked: whether there is a next page
        command.Parameters.AddWithValue(offset);
        await using var r = await command.ExecuteReaderAsync(ct);
        var rows = ImmutableArray.CreateBuilder<FacilityConsentRow>();
        while (await r.ReadAsync(ct))
        {
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            rows.Add(new FacilityConsentRow(new ConsentVersion(r.GetString(0), r.GetInt32(1), ChangeOf(r.GetString(2)),
                r.GetFieldValue<DateTimeOffset>(3), r.GetString(4), S(5), r.GetFieldValue<DateOnly>(6),
                new ConsentSignature(ConsentSignerText.FromText(r.GetString(7)), S(8), S(9)),
                new ConsentScope(r.GetBoolean(10), [.. r.GetFieldValue<string[]>(11)]), r.GetBoolean(12), r.GetString(13), S(14),
                S(15), S(16), S(17)), S(18), S(19)));
        }
        var hasMore = rows.Count > limit;
        return new FacilityConsentPage([.. rows.Take(limit)], hasMore, null);
    }

    /// <summary>kmn_consent_version.change as the consent store writes it.</summary>
    private static ConsentChange ChangeOf(string text) => text switch
    {
        "register" => ConsentChange.Registered,
        "add" => ConsentChange.FacilitiesAdded,
        "remove" => ConsentChange.FacilitiesRemoved,
        "revoke" => ConsentChange.Revoked,
        _ => ConsentChange.Uploaded,
    };
}
