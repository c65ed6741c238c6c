using KMN.Orleans.Grains.Abstractions.Accounts;
using Microsoft.Extensions.Localization;

namespace KMN.Orleans.Web.Resources;

/// <summary>
/// Marker type for IStringLocalizer&lt;SignInResource&gt;: sign-in, session and role texts (SignInResource.resx
/// Japanese, SignInResource.en.resx English), kept apart from SharedResource so the account pages own them.
/// </summary>
public sealed class SignInResource
{
}

/// <summary>Enum texts looked up as "{Enum}_{Member}"; a missing row falls back to the grains' Japanese text.</summary>
public static class SignInLabels
{
    public static string Message(this IStringLocalizer<SignInResource> l, SignInReason reason) =>
        l[$"Reason_{reason}"] is { ResourceNotFound: false } text ? text.Value : reason.Japanese();

    public static string Label(this IStringLocalizer<SignInResource> l, StaffRole role) =>
        l[$"StaffRole_{role}"] is { ResourceNotFound: false } text ? text.Value : role.Japanese();
}
