using KMN.Orleans.Grains.Abstractions.Patients;

namespace KMN.Orleans.Grains.Patients;

/// <summary>Validation of patient demographics (messages in Japanese, for the people who fix the data).</summary>
public static class PatientProfileRules
{
    public static IReadOnlyList<string> Validate(PatientProfile p, string grainKey, DateOnly today)
    {
        var problems = new List<string>();
        if (p.NetworkPatientId != grainKey)
            problems.Add($"ネットワーク患者ID {p.NetworkPatientId} がグレインのキー {grainKey} と一致しません。");
        if (string.IsNullOrWhiteSpace(p.FamilyName) || string.IsNullOrWhiteSpace(p.GivenName))
            problems.Add("氏名（漢字）を入力してください。");
        if (string.IsNullOrWhiteSpace(p.FamilyNameKana) || string.IsNullOrWhiteSpace(p.GivenNameKana))
            problems.Add("氏名（カナ）を入力してください。");
        if (p.BirthDate > today || p.BirthDate < new DateOnly(1880, 1, 1))
            problems.Add("生年月日が不正です。");
        if (p.ChartNumbers.IsDefault)
            problems.Add("カルテ番号の一覧がありません。");
        else if (p.ChartNumbers.Any(c => string.IsNullOrWhiteSpace(c.Number) || string.IsNullOrWhiteSpace(c.FacilityCode)))
            problems.Add("カルテ番号と施設コードを入力してください。");
        return problems;
    }
}
