using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Grains.Access;

/// <summary>The checks of a consent form that need nothing but the form (Japanese problems, shown to staff).</summary>
public static class ConsentRules
{
    public static string? Signer(ConsentSignature? signer) => signer switch
    {
        null => "署名者 (本人または代理人) を指定してください。",
        _ when !Enum.IsDefined(signer.Kind) => "署名者 (本人または代理人) を指定してください。",
        { Kind: ConsentSigner.Proxy } when string.IsNullOrWhiteSpace(signer.ProxyName) || string.IsNullOrWhiteSpace(signer.ProxyRelationship) =>
            "代理人の署名には代理人の氏名と続柄が必要です。",
        _ => null,
    };

    public static string? Date(DateOnly date, DateOnly today) =>
        date == default ? "同意日を入力してください。"
        : date > today.AddDays(1) ? $"同意日 {date:yyyy-MM-dd} が未来の日付です。"
        : null;

    public static string? Scope(ConsentScope? scope) =>
        scope is null || (!scope.AllFacilities && scope.Facilities.IsDefaultOrEmpty)
            ? "同意の範囲 (全参加施設、または施設の一覧) を指定してください。"
            : null;
}
