using KMN.Orleans.Grains.Abstractions.Accounts;

namespace KMN.Orleans.Grains.Accounts;

/// <summary>Validation of staff account profiles (Japanese messages, shown to administrators).</summary>
public static class StaffAccountRules
{
    public static IReadOnlyList<string> Validate(StaffAccountProfile p, string grainKey)
    {
        var problems = new List<string>();
        if (p.AccountId != grainKey)
            problems.Add($"アカウントID {p.AccountId} がグレインのキー {grainKey} と一致しません。");
        if (p.AccountId.Length is 0 or > 64 || !p.AccountId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            problems.Add("アカウントIDは64文字以内の英数字とハイフンで入力してください。");
        if (p.FacilityCode.Length != 10 || !p.FacilityCode.All(char.IsAsciiDigit))
            problems.Add("施設コードは10桁の数字で入力してください。");
        if (!Enum.IsDefined(p.Role))
            problems.Add("職種が不正です。");
        if (string.IsNullOrWhiteSpace(p.FamilyName) || string.IsNullOrWhiteSpace(p.GivenName))
            problems.Add("氏名を入力してください。");
        return problems;
    }
}
