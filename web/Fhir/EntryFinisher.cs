using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// The stored form of an entry: the sender's JSON with the network id and rewritten references, without the
/// server-assigned meta (version, lastUpdated are added on read), hashed so identical re-uploads are no-ops.
/// </summary>
public static class EntryFinisher
{
    public static ClinicalEntry Finish(ParsedEntry entry)
    {
        var resource = entry.Resource;
        resource["id"] = entry.LogicalId;
        if (resource["meta"] is JsonObject meta)
        {
            meta.Remove("versionId");
            meta.Remove("lastUpdated");
            if (meta.Count == 0)
                resource.Remove("meta");
        }
        var json = resource.ToJsonString(FhirJson.NodeOptions);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(json));
        return new ClinicalEntry(entry.Index, entry.Type, entry.LogicalId, entry.SourceId, json, hash,
            entry.PatientBound, ClinicalIndexer.Index(entry.Type, resource), entry.Identifiers);
    }
}
