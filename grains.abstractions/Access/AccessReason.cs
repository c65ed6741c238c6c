namespace KMN.Orleans.Grains.Abstractions.Access;

/// <summary>Why something is hidden (or, for the last two, why it is shown). Audited: never renumber.</summary>
[GenerateSerializer, Alias("kmn.AccessReason")]
public enum AccessReason
{
    NoConsent = 1,          // 同意なし
    OutsideConsent = 2,     // 同意の範囲外
    ConsentRevoked = 3,     // 同意撤回
    FacilityInactive = 4,   // 施設が有効ではない
    RoleNotPermitted = 5,   // 職種の権限
    NotDisclosed = 6,       // 施設の公開設定
    Undisclosed = 7,        // 未告知
    BreakGlass = 8,         // 緊急時閲覧
    OwnRecords = 9,         // 自施設の記録
}

public static class AccessReasonText
{
    public static string Japanese(this AccessReason reason) => reason switch
    {
        AccessReason.NoConsent => "同意が登録されていません",
        AccessReason.OutsideConsent => "同意の範囲外",
        AccessReason.ConsentRevoked => "同意が撤回されています",
        AccessReason.FacilityInactive => "施設が有効ではありません",
        AccessReason.RoleNotPermitted => "職種の権限",
        AccessReason.NotDisclosed => "施設の公開設定",
        AccessReason.Undisclosed => "未告知",
        AccessReason.BreakGlass => "緊急時閲覧",
        AccessReason.OwnRecords => "自施設の記録",
        _ => reason.ToString(),
    };

    /// <summary>Consent reasons: the FHIR API answers them with the issue code consent-not-permitted.</summary>
    public static bool IsConsent(this AccessReason reason) =>
        reason is AccessReason.NoConsent or AccessReason.OutsideConsent or AccessReason.ConsentRevoked;
}
