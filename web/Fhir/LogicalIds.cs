using System.Security.Cryptography;
using System.Text;
using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// The network's logical id of an uploaded resource: derived from (facility, type, the sender's id), so the
/// same resource re-uploaded by the same facility lands on the same id (a new version, never a duplicate),
/// and two facilities that happen to use the same id never collide.
/// </summary>
public static class LogicalIds
{
    public static string For(string facility, string resourceType, string sourceId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{facility}|{resourceType}|{sourceId}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>JP Core's patient-number system for a facility: the OID prefix plus the 10-digit facility code.</summary>
    public static string ChartSystem(string facility) => ChartNumberSystem.For(facility);
}
