using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace KMN.Orleans.Grains.Records;

/// <summary>
/// Writes meta.versionId and meta.lastUpdated into a version's JSON as it is stored, so reads return the
/// stored text as is. The FHIR edge puts <c>meta</c> first (see ClinicalEntry.Utf8Json), which lets this splice
/// bytes instead of parsing; anything else takes the slow, general path.
/// </summary>
internal static class ServerMeta
{
    private static readonly byte[] MetaFirst = "{\"meta\":{"u8.ToArray();

    public static string LastUpdated(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public static byte[] Add(byte[] json, int version, DateTimeOffset recordedAt)
    {
        if (json.AsSpan().StartsWith(MetaFirst))
        {
            var rest = json.AsSpan(MetaFirst.Length);
            var separator = rest.Length > 0 && rest[0] == (byte)'}' ? "" : ",";
            var server = Encoding.UTF8.GetBytes(
                $"\"versionId\":\"{version.ToString(CultureInfo.InvariantCulture)}\",\"lastUpdated\":\"{LastUpdated(recordedAt)}\"{separator}");
            var result = new byte[MetaFirst.Length + server.Length + rest.Length];
            MetaFirst.CopyTo(result, 0);
            server.CopyTo(result, MetaFirst.Length);
            rest.CopyTo(result.AsSpan(MetaFirst.Length + server.Length));
            return result;
        }
        var node = JsonNode.Parse(json)!.AsObject();
        var meta = node["meta"] as JsonObject ?? [];
        meta["versionId"] = version.ToString(CultureInfo.InvariantCulture);
        meta["lastUpdated"] = LastUpdated(recordedAt);
        node["meta"] = meta;
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }
}
