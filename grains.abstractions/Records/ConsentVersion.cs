using System.Collections.Immutable;

namespace KMN.Orleans.Grains.Abstractions.Records;

/// <summary>
/// One version of a patient's consent. Every change (registration, facilities added or removed, 全部撤回, a
/// Consent arriving in an upload) is a new version with who and when; earlier versions stay readable.
/// </summary>
[GenerateSerializer, Immutable, Alias("kmn.ConsentVersion")]
public sealed record ConsentVersion(
    [property: Id(0)] string PatientId,
    [property: Id(1)] int Version,
    [property: Id(2)] ConsentChange Change,
    [property: Id(3)] DateTimeOffset ChangedAt,
    [property: Id(4)] string ChangedByFacility,
    [property: Id(5)] string? ChangedByAccount,
    [property: Id(6)] DateOnly ConsentDate,
    [property: Id(7)] ConsentSignature Signer,
    [property: Id(8)] ConsentScope Scope,
    [property: Id(9)] bool Revoked,
    [property: Id(10)] string RegisteredByFacility,
    [property: Id(11)] string? RegisteredByAccount,
    [property: Id(12)] string? FormReference,
    [property: Id(13)] string? FhirResourceId,
    [property: Id(14)] string? Note)
{
    /// <summary>The registering facility is always permitted while the consent stands: it holds the signed form.</summary>
    public bool Permits(string facilityCode) =>
        !Revoked && (Scope.AllFacilities || facilityCode == RegisteredByFacility || Scope.Facilities.Contains(facilityCode));

    /// <summary>The consent as the upload path knows it (issue 4's shape); none when revoked.</summary>
    public ImmutableArray<ConsentGrant> AsGrants() => Revoked ? [] :
        [new ConsentGrant(ConsentDate, Signer.Kind, Scope.AllFacilities, Scope.Facilities, RegisteredByFacility, FhirResourceId)];
}

[GenerateSerializer, Alias("kmn.ConsentChange")]
public enum ConsentChange
{
    Registered = 1,        // 登録
    FacilitiesAdded = 2,   // 施設追加
    FacilitiesRemoved = 3, // 施設削除
    Revoked = 4,           // 全部撤回
    Uploaded = 5,          // FHIR で登録
}

/// <summary>Who signed: 本人, or 代理人 with name and relationship (both required for a proxy).</summary>
[GenerateSerializer, Immutable, Alias("kmn.ConsentSignature")]
public sealed record ConsentSignature(
    [property: Id(0)] ConsentSigner Kind,
    [property: Id(1)] string? ProxyName = null,
    [property: Id(2)] string? ProxyRelationship = null);

/// <summary>All participating facilities, or a list of facility codes.</summary>
[GenerateSerializer, Immutable, Alias("kmn.ConsentScope")]
public sealed record ConsentScope(
    [property: Id(0)] bool AllFacilities,
    [property: Id(1)] ImmutableArray<string> Facilities)
{
    public static ConsentScope All { get; } = new(true, []);

    public static ConsentScope Only(params string[] facilities) => new(false, [.. facilities.Distinct().Order(StringComparer.Ordinal)]);

    public bool SameAs(ConsentScope other) => AllFacilities == other.AllFacilities && Facilities.SequenceEqual(other.Facilities);
}

/// <summary>A consent form registered at a facility: date, signer, scope, and the scanned form if given.</summary>
[GenerateSerializer, Immutable, Alias("kmn.ConsentRegistration")]
public sealed record ConsentRegistration(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] ConsentSignature Signer,
    [property: Id(2)] ConsentScope Scope,
    [property: Id(3)] string? FormReference = null);

/// <summary>The receipt of a consent change: the new version, or why nothing changed (Japanese).</summary>
[GenerateSerializer, Immutable, Alias("kmn.ConsentReceipt")]
public sealed record ConsentReceipt(
    [property: Id(0)] string PatientId,
    [property: Id(1)] int Version,
    [property: Id(2)] ConsentChange? Change,
    [property: Id(3)] DateTimeOffset? At,
    [property: Id(4)] string? Problem)
{
    public bool Succeeded => Problem is null;
}
