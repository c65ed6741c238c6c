using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KMN.Orleans.Grains.Abstractions.Access;
using Npgsql;

namespace KMN.Orleans.Tests.Access;

/// <summary>One stored resource for a test patient, with the category the test expects it to have.</summary>
public sealed record SeedRow(string Type, string Id, string? CategoryCode, string Source, RecordCategory Expected, bool Undisclosed = false);

/// <summary>
/// Writes clinical rows straight into the append-only tables (identity, resource, head), as uploads would have
/// left them, so a test can give a patient records from several facilities before any consent exists. The
/// read side under test (decision, SQL filter, audit) is the production one.
/// </summary>
public static class RecordSeeder
{
    public static async Task SeedAsync(NpgsqlDataSource db, string patient, IEnumerable<SeedRow> rows)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var upload = Guid.NewGuid();
        foreach (var row in rows)
        {
            await ExecuteAsync(connection, """
                INSERT INTO kmn_patient_identity (facility_code, chart_system, chart_number, network_patient_id)
                VALUES ($1, 'urn:kmn:test-chart', $2, $2) ON CONFLICT DO NOTHING
                """, row.Source, patient);
            var json = Json(row);
            await ExecuteAsync(connection, """
                INSERT INTO kmn_clinical_resource (resource_type, resource_id, version_id, network_patient_id, source_facility,
                    source_id, category, content_hash, upload_id, resource)
                VALUES ($1, $2, 1, $3, $4, $2, $5, $6, $7, $8::jsonb)
                """, row.Type, row.Id, patient, row.Source, (object?)row.CategoryCode ?? DBNull.Value,
                SHA256.HashData(Encoding.UTF8.GetBytes(json)), upload, json);
            await ExecuteAsync(connection, """
                INSERT INTO kmn_resource_head (resource_type, resource_id, version_id, network_patient_id, source_facility, content_hash, recorded_at)
                VALUES ($1, $2, 1, $3, $4, '\x00', now())
                """, row.Type, row.Id, patient, row.Source);
        }
        await tx.CommitAsync();
    }

    private static string Json(SeedRow row)
    {
        var resource = new JsonObject
        {
            ["meta"] = new JsonObject { ["versionId"] = "1" },
            ["resourceType"] = row.Type,
            ["id"] = row.Id,
        };
        if (row.CategoryCode is { } code)
            resource["category"] = new JsonArray(new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["code"] = code }) });
        if (row.Undisclosed)
            resource["extension"] = new JsonArray(new JsonObject { ["url"] = UndisclosedToPatient.ExtensionUrl, ["valueBoolean"] = true });
        return resource.ToJsonString();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
            command.Parameters.AddWithValue(p);
        await command.ExecuteNonQueryAsync();
    }
}
