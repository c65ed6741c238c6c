using System.Globalization;

namespace KMN.Orleans.Web.Hosting;

/// <summary>The portal speaks Japanese first; English is a switch away.</summary>
public static class KmnCultures
{
    public const string Japanese = "ja-JP";
    public const string English = "en";

    public static readonly string[] Supported = [Japanese, English];

    /// <summary>Maps what a link or cookie asks for ("ja", "ja-JP", "en", "en-US") to a supported culture.</summary>
    public static string? Normalize(string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested))
            return null;
        if (requested.StartsWith("ja", StringComparison.OrdinalIgnoreCase))
            return Japanese;
        if (requested.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            return English;
        return null;
    }

    public static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";
}
