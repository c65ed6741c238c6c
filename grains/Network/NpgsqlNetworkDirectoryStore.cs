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

    public async Task<NetworkCounts> CountAsync(CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT (SELECT count(*) FROM kmn_facility_directory), (SELECT count(*) FROM kmn_patient_directory)");
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new NetworkCounts((int)reader.GetInt64(0), (int)reader.GetInt64(1));
    }
}
