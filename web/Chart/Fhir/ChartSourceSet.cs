using System.Text.Json;

namespace KMN.Orleans.Web.Chart.Fhir;

/// <summary>
/// A patient's resources parsed for one mapping pass, indexed by "Type/id" so references (already rewritten to
/// the network's ids by the upload edge) can be followed. Unparseable JSON is counted, never thrown.
/// </summary>
public sealed class ChartSourceSet : IDisposable
{
    private const int ParallelFrom = 512; // below this, starting the parallel loop costs more than it saves

    private readonly List<JsonDocument> _documents = [];
    private readonly Dictionary<string, ParsedResource> _byRef = new(StringComparer.Ordinal);
    private readonly List<ParsedResource> _all = [];

    public ChartSourceSet(IEnumerable<ChartResourceRow> rows)
    {
        var list = rows as IReadOnlyList<ChartResourceRow> ?? [.. rows];
        var documents = new JsonDocument?[list.Count];
        // Parsing is most of a long chart's mapping time and every resource parses alone: spread it over the cores.
        if (list.Count >= ParallelFrom)
            Parallel.For(0, list.Count, i => documents[i] = TryParse(list[i].Json));
        else
            for (var i = 0; i < list.Count; i++)
                documents[i] = TryParse(list[i].Json);

        for (var i = 0; i < list.Count; i++)
        {
            if (documents[i] is not { } document)
            {
                Unreadable++;
                continue;
            }
            _documents.Add(document);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                Unreadable++;
                continue;
            }
            var row = list[i];
            var parsed = new ParsedResource(row.ResourceType, row.ResourceId, document.RootElement, row.SourceFacility);
            _all.Add(parsed);
            _byRef[$"{row.ResourceType}/{row.ResourceId}"] = parsed;
        }
    }

    private static JsonDocument? TryParse(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public int Unreadable { get; }

    public IReadOnlyList<ParsedResource> All => _all;

    public IEnumerable<ParsedResource> OfType(string type) => _all.Where(r => r.Type == type);

    /// <summary>Follows "Type/id" (or an absolute URL ending in it); null for contained or unknown references.</summary>
    public ParsedResource? Resolve(string? reference)
    {
        if (string.IsNullOrEmpty(reference) || reference.StartsWith('#'))
            return null;
        if (_byRef.TryGetValue(reference, out var direct))
            return direct;
        var parts = reference.TrimEnd('/').Split('/');
        if (parts.Length >= 4 && parts[^2] == "_history")
            parts = parts[..^2];
        return parts.Length >= 2 && _byRef.TryGetValue($"{parts[^2]}/{parts[^1]}", out var tail) ? tail : null;
    }

    public void Dispose()
    {
        foreach (var document in _documents)
            document.Dispose();
    }
}
