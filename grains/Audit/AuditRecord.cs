using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;

namespace KMN.Orleans.Grains.Audit;

/// <summary>
/// One row to append to the audit trail (kmn_audit_event, FHIR AuditEvent-shaped). <see cref="ChainKey"/>
/// names the hash chain it joins: the patient for anything about a patient, else the account or facility.
/// </summary>
public sealed record AuditRecord(
    string ChainKey,
    DateTimeOffset OccurredAt,
    string EventType,
    string Action,
    string Outcome,
    string? Reason = null,
    string? AccountId = null,
    string? ActorName = null,
    string? FacilityCode = null,
    string? Role = null,
    string? PatientId = null,
    string? Purpose = null,
    IReadOnlyList<string>? Categories = null,
    int ResourceCount = 0,
    string? Query = null,
    string? SourceAddress = null,
    IReadOnlyDictionary<string, string>? Detail = null)
{
    /// <summary>A row about what <paramref name="caller"/> did, chained per patient when there is one.</summary>
    public static AuditRecord By(AccessCaller caller, DateTimeOffset at, string eventType, string action, string outcome,
        string? patientId, string? reason = null) =>
        new(patientId is null ? AuditChains.Facility(caller.FacilityCode) : AuditChains.Patient(patientId), at, eventType,
            action, outcome, reason, caller.AccountId, caller.DisplayName, caller.FacilityCode, caller.Role?.Japanese(), patientId);
}

/// <summary>Chain keys: one hash chain per patient, per account (sign-in, cards), per facility (its settings).</summary>
public static class AuditChains
{
    public const string Security = "security";

    public static string Patient(string patientId) => "patient:" + patientId;

    public static string Account(string accountId) => "account:" + accountId;

    public static string Facility(string facilityCode) => "facility:" + facilityCode;
}

/// <summary>The event_type column (FHIR AuditEvent.type, our vocabulary). Stable strings: reports filter on them.</summary>
public static class AuditTypes
{
    public const string RecordAccess = "record-access";
    public const string RecordUpload = "record-upload";
    public const string Consent = "consent";
    public const string FacilityPolicy = "facility-policy";
    public const string BreakGlass = "break-glass";
    public const string Security = "security";
    public const string AuditQuery = "audit-query";
}

/// <summary>The outcome column.</summary>
public static class AuditOutcomes
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Denied = "denied";
    public const string NotFound = "not-found";
}
