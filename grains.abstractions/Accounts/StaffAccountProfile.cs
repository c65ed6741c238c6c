namespace KMN.Orleans.Grains.Abstractions.Accounts;

/// <summary>
/// A staff member of a participating facility. <see cref="AccountId"/> is the account grain's key
/// ("&lt;facility code&gt;-&lt;number&gt;", e.g. 4311001234-03).
/// </summary>
[GenerateSerializer, Immutable, Alias("kmn.StaffAccountProfile")]
public sealed record StaffAccountProfile(
    [property: Id(0)] string AccountId,
    [property: Id(1)] string FacilityCode,
    [property: Id(2)] StaffRole Role,
    [property: Id(3)] string FamilyName,
    [property: Id(4)] string GivenName,
    [property: Id(5)] string FamilyNameKana,
    [property: Id(6)] string GivenNameKana)
{
    public string DisplayName => $"{FamilyName} {GivenName}";
}
