using System.Security.Cryptography;
using System.Text;
using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>
/// The network's id of an uploaded resource, as the FHIR edge derives it (docs/adr/0007, web/Fhir/LogicalIds):
/// sha256("facility|type|sender's id"), first 16 bytes in hex. A facility that knows its own ids can therefore
/// name a resource it uploaded in an earlier bundle — and a pharmacy the prescription it dispensed against.
/// </summary>
public static class NetworkIds
{
    public static string For(string facility, string resourceType, string sourceId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{facility}|{resourceType}|{sourceId}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    public static string For(ResourceKey key) => For(key.Facility, key.Type, key.SourceId);

    /// <summary>JP Core's patient-number (カルテ番号) system of a facility: the OID prefix and the facility code.</summary>
    public static string ChartSystem(string facility) => ChartNumberSystem.For(facility);
}

/// <summary>A resource as its sender knows it: the uploading facility, the type and the sender's own id.</summary>
public readonly record struct ResourceKey(string Facility, string Type, string SourceId)
{
    public override string ToString() => $"{Facility}:{Type}/{SourceId}";
}
