using System.Globalization;
using System.Text.Json.Nodes;

namespace KMN.Orleans.Grains.Records;

/// <summary>
/// Writes meta.versionId and meta.lastUpdated into a version's JSON as it is stored, so reads return the
/// stored text as is. The FHIR edge puts <c>meta</c> first (see ClinicalEntry.Json), which lets this splice
/// text instead of parsing; anything else takes the slow, general path.
/// </summary>
internal static class ServerMeta
{
    private const string MetaFirst = "{\"meta\":{";

    public static string LastUpdated(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public static string Add(string json, int version, DateTimeOffset recordedAt)
    {
        var server = $"\"versionId\":\"{version.ToString(CultureInfo.InvariantCulture)}\",\"lastUpdated\":\"{LastUpdated(recordedAt)}\"";
        if (json.StartsWith(MetaFirst, StringComparison.Ordinal))
        {
            var rest = json.AsSpan(MetaFirst.Length);
            var separator = rest.Length > 0 && rest[0] == '}' ? "" : ",";
            return string.Concat(MetaFirst.AsSpan(), server.AsSpan(), separator.AsSpan(), rest);
        }
        var node = JsonNode.Parse(json)!.AsObject();
        var meta = node["meta"] as JsonObject ?? [];
        meta["versionId"] = version.ToString(CultureInfo.InvariantCulture);
        meta["lastUpdated"] = LastUpdated(recordedAt);
        node["meta"] = meta;
        return node.ToJsonString();
    }
}
