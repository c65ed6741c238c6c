using KMN.Orleans.Grains.Audit;
using Npgsql;

namespace KMN.Orleans.Grains.Records;

/// <summary>
/// The upload's row of the audit trail, written inside the upload's own transaction (and so chained under
/// the patient's chain lock until it commits). Reads are audited by the reader grain through IAuditTrail.
/// </summary>
internal static class AuditEvents
{
    public static NpgsqlBatchCommand Command(string facility, string action, string? patient, string query,
        int count, string outcome) =>
        NpgsqlAuditTrail.Command(new AuditRecord(
            patient is null ? AuditChains.Facility(facility) : AuditChains.Patient(patient), DateTimeOffset.UtcNow,
            AuditTypes.RecordUpload, action, outcome, FacilityCode: facility, PatientId: patient, Purpose: "TREAT",
            ResourceCount: count, Query: query));
}
