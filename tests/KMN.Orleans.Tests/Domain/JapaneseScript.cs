namespace KMN.Orleans.Tests.Domain;

/// <summary>Which Japanese script a string is written in (Unicode blocks, enough for names).</summary>
internal static class JapaneseScript
{
    public static bool IsKanji(char c) => c is >= '\u4E00' and <= '\u9FFF' or '々';
    public static bool IsHiragana(char c) => c is >= '\u3041' and <= '\u309F';
    public static bool IsKatakana(char c) => c is >= '\u30A1' and <= '\u30FF'; // includes ー and ・

    public static bool HasKanji(string s) => s.Any(IsKanji);
    public static bool IsKanji(string s) => s.Length > 0 && s.All(IsKanji);
    public static bool IsKanjiOrHiragana(string s) => s.Length > 0 && s.All(c => IsKanji(c) || IsHiragana(c));
    public static bool IsKatakana(string s) => s.Length > 0 && s.All(IsKatakana);
}
