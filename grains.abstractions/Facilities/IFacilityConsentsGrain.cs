using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Grains.Abstractions.Facilities;

/// <summary>
/// The consents registered at one facility (key: its facility code), for its administrator: the list, and
/// register / amend / revoke on the patient's record grain (which validates and versions every change) with
/// the scanned form stored beside it. Only this facility's administrator changes them; operators may look.
/// Every refusal is a plain Japanese message and changes nothing.
/// </summary>
[Alias("kmn.IFacilityConsentsGrain")]
public interface IFacilityConsentsGrain : IGrainWithStringKey
{
    /// <summary>The newest version of each patient's consent registered here, most recently changed first.</summary>
    [Alias("List")]
    Task<FacilityConsentPage> ListAsync(AccessCaller caller, int offset, int limit);

    /// <summary>Every version of one patient's consent, oldest first.</summary>
    [Alias("History")]
    Task<FacilityConsentPage> HistoryAsync(AccessCaller caller, string patientId);

    /// <summary>Registers a signed consent; the form, when given, is stored only if the consent is accepted.</summary>
    [Alias("Register")]
    Task<ConsentReceipt> RegisterAsync(AccessCaller caller, string patientId, ConsentRegistration registration, ConsentFormUpload? form);

    [Alias("AddFacilities")]
    Task<ConsentReceipt> AddFacilitiesAsync(AccessCaller caller, string patientId, ImmutableArray<string> facilities);

    [Alias("RemoveFacilities")]
    Task<ConsentReceipt> RemoveFacilitiesAsync(AccessCaller caller, string patientId, ImmutableArray<string> facilities);

    /// <summary>全部撤回. The signed withdrawal form, when given, is stored and named in the version's note.</summary>
    [Alias("Revoke")]
    Task<ConsentReceipt> RevokeAsync(AccessCaller caller, string patientId, string? note, ConsentFormUpload? form);

    /// <summary>A stored form of a consent registered here; null when unknown or not this facility's.</summary>
    [Alias("GetForm")]
    Task<StoredConsentForm?> GetFormAsync(AccessCaller caller, string reference);
}

/// <summary>Consent versions (a page of the list, or one patient's history), or why not (Japanese).</summary>
[GenerateSerializer, Immutable, Alias("kmn.FacilityConsentPage")]
public sealed record FacilityConsentPage(
    [property: Id(0)] ImmutableArray<FacilityConsentRow> Rows,
    [property: Id(1)] bool HasMore,
    [property: Id(2)] string? Problem)
{
    public static FacilityConsentPage Refused(string problem) => new([], false, problem);
}

/// <summary>A consent version with the patient's name (from the directory) when known.</summary>
[GenerateSerializer, Immutable, Alias("kmn.FacilityConsentRow")]
public sealed record FacilityConsentRow(
    [property: Id(0)] ConsentVersion Version,
    [property: Id(1)] string? PatientName,
    [property: Id(2)] string? PatientNameKana);
