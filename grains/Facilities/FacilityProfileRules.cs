using KMN.Orleans.Grains.Abstractions.Facilities;

namespace KMN.Orleans.Grains.Facilities;

/// <summary>Validation of facility profiles, shared by the grain and the demo generator.</summary>
public static class FacilityProfileRules
{
    /// <summary>Returns the problems with a profile (Japanese, shown to operators), empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(FacilityProfile p, string grainKey)
    {
        var problems = new List<string>();
        if (p.Code != grainKey)
            problems.Add($"施設コード {p.Code} がグレインのキー {grainKey} と一致しません。");
        if (p.Code.Length != 10 || !p.Code.All(char.IsAsciiDigit))
            problems.Add("施設コードは10桁の数字で入力してください。");
        if (string.IsNullOrWhiteSpace(p.Name))
            problems.Add("施設名を入力してください。");
        if (!Enum.IsDefined(p.Kind))
            problems.Add("施設種別が不正です。");
        if (!Enum.IsDefined(p.Status))
            problems.Add("施設の状態が不正です。");
        return problems;
    }
}
