using KMN.Orleans.Grains.Abstractions.Facilities;
using KMN.Orleans.Grains.Abstractions.Network;
using KMN.Orleans.Grains.Abstractions.Patients;
using Npgsql;

namespace KMN.Orleans.Grains.Network;

/// <summary>The directory projection on PostgreSQL (tables from deploy/sql/0005_network_directory.sql).</summary>
public sealed class NpgsqlNetworkDirectoryStore(NpgsqlDataSource dataSource) : INetworkDirectoryStore
{
    public async Task UpsertFacilityAsync(FacilityProfile f, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO kmn_facility_directory (code, name, kind, municipality, provides_data, status)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
                municipality = EXCLUDED.municipality, provides_data = EXCLUDED.provides_data,
                status = EXCLUDED.status, updated_at = now()
            """);
        command.Parameters.AddWithValue(f.Code);
        command.Parameters.AddWithValue(f.Name);
        command.Parameters.AddWithValue((short)f.Kind);
        command.Parameters.AddWithValue(f.Municipality);
        command.Parameters.AddWithValue(f.ProvidesData);
        command.Parameters.AddWithValue((short)f.Status);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task UpsertPatientAsync(PatientProfile p, CancellationToken ct = default)
    {
        // One transaction: the patient row and its chart numbers change together or not at all.
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var batch = new NpgsqlBatch(connection, tx);
        await using (batch)
        {
            var upsert = new NpgsqlBatchCommand("""
                INSERT INTO kmn_patient_directory (network_patient_id, family_name, given_name,
                    family_name_kana, given_name_kana, birth_date, sex)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (network_patient_id) DO UPDATE SET family_name = EXCLUDED.family_name,
                    given_name = EXCLUDED.given_name, family_name_kana = EXCLUDED.family_name_kana,
                    given_name_kana = EXCLUDED.given_name_kana, birth_date = EXCLUDED.birth_date,
                    sex = EXCLUDED.sex, updated_at = now()
                """);
            upsert.Parameters.AddWithValue(p.NetworkPatientId);
            upsert.Parameters.AddWithValue(p.FamilyName);
            upsert.Parameters.AddWithValue(p.GivenName);
            upsert.Parameters.AddWithValue(p.FamilyNameKana);
            upsert.Parameters.AddWithValue(p.GivenNameKana);
            upsert.Parameters.AddWithValue(p.BirthDate);
            upsert.Parameters.AddWithValue((short)p.Sex);
            batch.BatchCommands.Add(upsert);

            var charts = new NpgsqlBatchCommand("""
                INSERT INTO kmn_patient_chart_number (facility_code, chart_number, network_patient_id)
                SELECT c.f, c.n, $3::text FROM unnest($1::text[], $2::text[]) AS c(f, n)
                ON CONFLICT (facility_code, chart_number) DO NOTHING
                """);
            charts.Parameters.AddWithValue(p.ChartNumbers.Select(c => c.FacilityCode).ToArray());
            charts.Parameters.AddWithValue(p.ChartNumbers.Select(c => c.Number).ToArray());
            charts.Parameters.AddWithValue(p.NetworkPatientId);
            batch.BatchCommands.Add(charts);
            await batch.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<FacilitySummary>> ListFacilitiesAsync(CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT code, name, kind, municipality, provides_data, status FROM kmn_facility_directory ORDER BY kind, code");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var result = new List<FacilitySummary>();
        while (await reader.ReadAsync(ct))
            result.Add(new FacilitySummary(reader.GetString(0), reader.GetString(1), (FacilityKind)reader.GetInt16(2),
                reader.GetString(3), reader.GetBoolean(4), (FacilityStatus)reader.GetInt16(5)));
        return result;
    }

    // The same folding as NameNormalizer.Normalize: NFKC, no spaces or middle dots, hiragana as katakana, 新字体
    // ($8/$9 are NameNormalizer.SqlFoldFrom/SqlFoldTo, so the table of variants lives in one place).
    private static string Fold(string column) =>
        $"lower(translate(regexp_replace(normalize({column}, NFKC), '[[:space:]・･.‐-]', '', 'g'), $8, $9))";

    // A sequential scan with the fold per row; an indexed folded column (a migration) is the next step if searches
    // of the 470,000-patient directory become frequent.
    private static readonly string SearchSql = $$"""
        SELECT d.network_patient_id, d.family_name, d.given_name, d.family_name_kana, d.given_name_kana, d.birth_date, d.sex,
               coalesce((SELECT array_agg(c.facility_code || '|' || c.chart_number) FROM kmn_patient_chart_number c
                         WHERE c.network_patient_id = d.network_patient_id), '{}')
        FROM kmn_patient_directory d
        WHERE ($1::text IS NULL OR d.network_patient_id = $1)
          AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM kmn_patient_chart_number c WHERE c.network_patient_id = d.network_patient_id
                                           AND c.facility_code = $2 AND c.chart_number = $3))
          AND ($4::text IS NULL
               OR starts_with({{Fold("d.family_name || d.given_name")}}, $4)
               OR starts_with({{Fold("d.family_name_kana || d.given_name_kana")}}, $4)
               OR starts_with({{Fold("d.given_name")}}, $4)
               OR starts_with({{Fold("d.given_name_kana")}}, $4))
          AND ($5::date IS NULL OR d.birth_date = $5)
          AND ($6::smallint IS NULL OR d.sex = $6)
        ORDER BY d.family_name_kana, d.given_name_kana, d.network_patient_id
        LIMIT $7
        """;

    public async Task<IReadOnlyList<PatientProfile>> SearchPatientsAsync(PatientDirectoryQuery q, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(SearchSql);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)q.NetworkPatientId ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)q.FacilityCode ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)q.ChartNumber ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)q.NameKey ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Date, (object?)q.BirthDate ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Smallint, q.Sex is { } sex ? (short)sex : DBNull.Value);
        command.Parameters.AddWithValue(q.Limit);
        command.Parameters.AddWithValue(NameNormalizer.SqlFoldFrom);
        command.Parameters.AddWithValue(NameNormalizer.SqlFoldTo);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var result = new List<PatientProfile>();
        while (await reader.ReadAsync(ct))
        {
            var charts = reader.GetFieldValue<string[]>(7).Select(c => c.Split('|', 2)).Select(c => new ChartNumber(c[0], c[1]));
            result.Add(new PatientProfile(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetFieldValue<DateOnly>(5), (Sex)reader.GetInt16(6), [.. charts]));
        }
        return result;
    }

    public async Task<NetworkCounts> CountAsync(CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT (SELECT count(*) FROM kmn_facility_directory), (SELECT count(*) FROM kmn_patient_directory)");
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new NetworkCounts((int)reader.GetInt64(0), (int)reader.GetInt64(1));
    }
}
