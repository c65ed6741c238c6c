namespace KMN.Orleans.Web.Chart.Checkups;

/// <summary>
/// Checkup judgements A (異常なし) to E (治療中). Facilities send them as interpretation or conclusion codes,
/// sometimes full-width or lower case; anything else is not a judgement.
/// </summary>
public static class Judgements
{
    public static string? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var c = text.Trim().Normalize(System.Text.NormalizationForm.FormKC).ToUpperInvariant();
        return c.Length == 1 && c[0] is >= 'A' and <= 'E' ? c : null;
    }

    /// <summary>Positive when <paramref name="now"/> is worse than <paramref name="before"/> (later letter).</summary>
    public static int Compare(string? now, string? before) =>
        now is null || before is null ? 0 : string.CompareOrdinal(now, before);
}
