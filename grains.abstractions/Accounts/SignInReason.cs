namespace KMN.Orleans.Grains.Abstractions.Accounts;

/// <summary>Why a sign-in (or an upload certificate) was accepted or refused. Audited by name: never rename.</summary>
[GenerateSerializer, Alias("kmn.SignInReason")]
public enum SignInReason
{
    Ok = 0,
    NoCard = 1,              // no client certificate presented
    UnknownCard = 2,         // a valid certificate that no account is bound to
    Expired = 3,
    NotYetValid = 4,
    Revoked = 5,
    UntrustedIssuer = 6,     // does not chain to the network root or the HPKI CA
    WrongKeyUsage = 7,       // e.g. an HPKI signing certificate, or no clientAuth
    FacilityCertificate = 8, // a facility's machine certificate used to sign in as a person
    RoleMismatch = 9,        // the HPKI qualification differs from the account's role
    WrongPassword = 10,
    Locked = 11,
    InvalidPassword = 12,    // empty or longer than the rules allow; refused before hashing
    RevocationUnknown = 13,  // the issuer's revocation list is missing, unreadable or out of date
    UserCardForUpload = 14,  // a person's card presented to the facility upload API
    AccountDisabled = 15,
}

public static class SignInReasonMessages
{
    /// <summary>The message a person sees (Japanese first; the portal localizes through its resources).</summary>
    public static string Japanese(this SignInReason reason) => reason switch
    {
        SignInReason.Ok => "サインインしました。",
        SignInReason.NoCard => "カードが提示されていません。カードを読み取り機に挿して、もう一度お試しください。",
        SignInReason.UnknownCard => "このカードはネットワークに登録されていません。施設管理者にお問い合わせください。",
        SignInReason.Expired => "カードの有効期限が切れています。",
        SignInReason.NotYetValid => "カードの有効期間がまだ始まっていません。",
        SignInReason.Revoked => "このカードは失効しています。",
        SignInReason.UntrustedIssuer => "このカードの発行元は信頼されていません。",
        SignInReason.WrongKeyUsage => "このカード（証明書）はサインインに使えません。認証用の証明書を選んでください。",
        SignInReason.FacilityCertificate => "施設の証明書ではサインインできません。個人のカードを使ってください。",
        SignInReason.RoleMismatch => "カードの資格とアカウントの職種が一致しません。",
        SignInReason.WrongPassword => "パスワードが違います。",
        SignInReason.Locked => "続けて失敗したため、アカウントがロックされています。時間をおいてお試しいただくか、施設管理者にお問い合わせください。",
        SignInReason.InvalidPassword => "パスワードを入力してください（128文字以内）。",
        SignInReason.RevocationUnknown => "カードの失効情報を確認できません。しばらくしてからお試しください。",
        SignInReason.UserCardForUpload => "個人のカードではデータを送信できません。施設の証明書を使ってください。",
        SignInReason.AccountDisabled => "このアカウントは利用停止中です。",
        _ => reason.ToString(),
    };
}
