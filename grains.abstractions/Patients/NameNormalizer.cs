using System.Text;

namespace KMN.Orleans.Grains.Abstractions.Patients;

/// <summary>
/// Folds a Japanese name to a search key: NFKC (full-width letters and digits, half-width katakana), no spaces
/// or middle dots, hiragana as katakana, and old or variant kanji (旧字体・異体字) as the common form, so 山田太郎
/// finds 山田 太郎 and 髙木 is found by 高木. Pure and deterministic: the directory query can apply the same
/// <see cref="VariantFrom"/>/<see cref="VariantTo"/> pairs (SQL translate) to stored names.
/// </summary>
public static class NameNormalizer
{
    /// <summary>Variant kanji and small katakana, each folded to the character at the same index of <see cref="VariantTo"/>.</summary>
    public const string VariantFrom = "髙﨑嵜齋齊邊邉濱澤櫻國廣藏嶋嶌冨德眞惠萬瀨槇實條榮壽淺會來靜黑龍廳曾桒賴髮彌步埜莊ヶヵ";

    public const string VariantTo = "高崎崎斎斎辺辺浜沢桜国広蔵島島富徳真恵万瀬槙実条栄寿浅会来静黒竜庁曽桑頼髪弥歩野荘ケカ";

    private static readonly Dictionary<char, char> Variants = VariantFrom.Zip(VariantTo).ToDictionary(p => p.First, p => p.Second);

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var folded = text.Normalize(NormalizationForm.FormKC);
        var key = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c) || c is '・' or '･' or '.' or '-' or '‐')
                continue;
            key.Append(Fold(c));
        }
        return key.ToString();
    }

    private static char Fold(char c)
    {
        if (c is >= 'ぁ' and <= 'ゖ')
            return (char)(c + ('ァ' - 'ぁ'));
        if (Variants.TryGetValue(c, out var common))
            return common;
        return char.ToLowerInvariant(c);
    }

    /// <summary>
    /// Hiragana and variant kanji, each mapped to the character at the same index of <see cref="SqlFoldTo"/>, for
    /// PostgreSQL's translate(): stored names fold the same way (after normalize(…, NFKC) and removing spaces).
    /// </summary>
    public static readonly string SqlFoldFrom = new string([.. Enumerable.Range('ぁ', 'ゖ' - 'ぁ' + 1).Select(c => (char)c)]) + VariantFrom;

    public static readonly string SqlFoldTo = new string([.. Enumerable.Range('ぁ', 'ゖ' - 'ぁ' + 1).Select(c => (char)(c + ('ァ' - 'ぁ')))]) + VariantTo;

    /// <summary>True when the text reads as kana only (after folding), so it is matched against the reading.</summary>
    public static bool IsKana(string key) => key.Length > 0 && key.All(c => c is >= 'ァ' and <= 'ヺ' or 'ー');
}
