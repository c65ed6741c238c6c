namespace KMN.Orleans.Grains.Abstractions.Facilities;

/// <summary>A scanned, signed consent form as uploaded: image (JPEG, PNG) or PDF, at most <see cref="MaxBytes"/>.</summary>
[GenerateSerializer, Immutable, Alias("kmn.ConsentFormUpload")]
public sealed record ConsentFormUpload(
    [property: Id(0)] string FileName,
    [property: Id(1)] string ContentType,
    [property: Id(2)] byte[] Content)
{
    public const long MaxBytes = 10L * 1024 * 1024;

    public static readonly IReadOnlyList<string> AcceptedTypes = ["application/pdf", "image/jpeg", "image/png"];

    /// <summary>The prefix of a consent version's FormReference naming a stored form.</summary>
    public const string ReferencePrefix = "consent-form:";
}

/// <summary>A stored consent form read back (for viewing the signed original).</summary>
[GenerateSerializer, Immutable, Alias("kmn.StoredConsentForm")]
public sealed record StoredConsentForm(
    [property: Id(0)] string Reference,
    [property: Id(1)] string FacilityCode,
    [property: Id(2)] string PatientId,
    [property: Id(3)] string FileName,
    [property: Id(4)] string ContentType,
    [property: Id(5)] byte[] Content,
    [property: Id(6)] DateTimeOffset UploadedAt);
