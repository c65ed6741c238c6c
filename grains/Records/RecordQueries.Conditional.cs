using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Records;
using KMN.Orleans.Grains.Access;

namespace KMN.Orleans.Grains.Records;

/// <summary>
/// The conditional $everything read in two steps: which stored versions the caller's page holds (cheap: no JSON),
/// then, only when the caller's copy is stale, their JSON by seq.
/// </summary>
public sealed partial class RecordQueries
{
    // Which stored versions the page holds, without their JSON: what a conditional read's tag is made of. A property,
    // not a static field: field initializers of a partial class in another file may run before VisibleCurrentOfPatient's.
    private static string PageVersionsOfPatient => VisibleCurrentOfPatient + """
        SELECT seq, cat, total FROM page ORDER BY resource_type, resource_id
        """;

    // The JSON of versions already chosen (rows are never updated, so a seq names the same content forever).
    private const string VersionsBySeq = """
        SELECT r.resource_type, r.resource_id, r.version_id, r.recorded_at, r.resource::text, 0::bigint, 0, r.source_facility
        FROM unnest($1::bigint[]) WITH ORDINALITY AS p(seq, n) JOIN kmn_clinical_resource r ON r.seq = p.seq
        ORDER BY p.n
        """;

    /// <summary>
    /// The page's stored versions (seq) and categories, without JSON: the cheap first half of a conditional read.
    /// </summary>
    public async Task<(ImmutableArray<(long Seq, RecordCategory Category)> Versions, int Total)> EverythingVersionsAsync(
        string patient, EverythingQuery q, AccessFilter filter, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(PageVersionsOfPatient);
        AddEverythingParameters(command, patient, q);
        AddFilter(command, filter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var versions = ImmutableArray.CreateBuilder<(long, RecordCategory)>();
        var total = 0;
        while (await reader.ReadAsync(ct))
        {
            versions.Add((reader.GetInt64(0), (RecordCategory)reader.GetInt32(1)));
            total = (int)reader.GetInt64(2);
        }
        return (versions.ToImmutable(), total);
    }

    /// <summary>The rows of versions chosen by <see cref="EverythingVersionsAsync"/>, in the same order.</summary>
    public async Task<ImmutableArray<Row>> RowsAsync(ImmutableArray<(long Seq, RecordCategory Category)> versions, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(VersionsBySeq);
        command.Parameters.AddWithValue(versions.Select(v => v.Seq).ToArray());
        var (rows, _) = await ReadPageAsync(command, ct);
        if (rows.Length != versions.Length)
            throw new InvalidOperationException($"{versions.Length - rows.Length} of a page's stored versions could not be read back.");
        return [.. rows.Select((row, i) => row with { Category = versions[i].Category })];
    }
}
