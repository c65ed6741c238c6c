using System.Text.Json;

namespace KMN.Orleans.Web.Chart.Fhir;

/// <summary>
/// A patient's resources parsed for one mapping pass, indexed by "Type/id" so references (already rewritten to
/// the network's ids by the upload edge) can be followed. Unparseable JSON is counted, never thrown.
/// </summary>
public sealed class ChartSourceSet : IDisposable
{
    private readonly List<JsonDocument> _documents = [];
    private readonly Dictionary<string, ParsedResource> _byRef = new(StringComparer.Ordinal);
    private readonly List<ParsedResource> _all = [];

    public ChartSourceSet(IEnumerable<ChartResourceRow> rows)
    {
        foreach (var row in rows)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(row.Json);
            }
            catch (JsonException)
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
            var parsed = new ParsedResource(row.ResourceType, row.ResourceId, document.RootElement, row.SourceFacility);
            _all.Add(parsed);
            _byRef[$"{row.ResourceType}/{row.ResourceId}"] = parsed;
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
