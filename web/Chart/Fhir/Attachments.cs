using System.Text;
using System.Text.Json;

namespace KMN.Orleans.Web.Chart.Fhir;

/// <summary>
/// FHIR Attachments (inline base64, or a url naming a Binary in the record) as data: URLs. The chart runs on a
/// Blazor circuit, so a size cap keeps one large scan from flooding it; larger files are listed, not inlined.
/// </summary>
public static class Attachments
{
    public const int MaxInlineBase64 = 4 * 1024 * 1024;

    public sealed record Content(string ContentType, string? Base64, string? Title);

    public static Content? Read(MappingContext context, JsonElement attachment)
    {
        if (attachment.ValueKind != JsonValueKind.Object)
            return null;
        var type = attachment.Text("contentType");
        var data = attachment.Text("data");
        if (data is null && context.Set.Resolve(attachment.Text("url")) is { Type: "Binary" } binary)
        {
            data = binary.Root.Text("data");
            type ??= binary.Root.Text("contentType");
        }
        return new Content(type ?? "application/octet-stream", data, attachment.Text("title"));
    }

    public static bool TooLarge(Content c) => c.Base64 is { Length: > MaxInlineBase64 };

    public static string? DataUrl(Content c) =>
        c.Base64 is { } data && !TooLarge(c) && IsBase64(data) ? $"data:{c.ContentType};base64,{data}" : null;

    /// <summary>Plain text attachments are shown inline; invalid base64 or non-UTF-8 bytes give null.</summary>
    public static string? Text(Content c)
    {
        if (c.Base64 is null || TooLarge(c) || !c.ContentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
            return null;
        try
        {
            return new UTF8Encoding(false, true).GetString(Convert.FromBase64String(c.Base64));
        }
        catch (Exception ex) when (ex is FormatException or DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool IsBase64(string data) =>
        data.Length % 4 == 0 && data.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '+' or '/' or '=');
}
