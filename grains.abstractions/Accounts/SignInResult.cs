namespace KMN.Orleans.Grains.Abstractions.Accounts;

/// <summary>
/// The answer to a sign-in: <see cref="Account"/> is set only when <see cref="Reason"/> is Ok.
/// <see cref="LockedUntil"/> is set when the account is (now) locked.
/// </summary>
[GenerateSerializer, Immutable, Alias("kmn.SignInResult")]
public sealed record SignInResult(
    [property: Id(0)] SignInReason Reason,
    [property: Id(1)] StaffAccountProfile? Account,
    [property: Id(2)] string? CardThumbprint,
    [property: Id(3)] DateTimeOffset? LockedUntil,
    [property: Id(4)] int FailuresLeft)
{
    public bool Succeeded => Reason == SignInReason.Ok && Account is not null;

    public static SignInResult Refused(SignInReason reason, string? thumbprint = null) => new(reason, null, thumbprint, null, 0);
}
