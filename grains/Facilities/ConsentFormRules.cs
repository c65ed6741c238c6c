using KMN.Orleans.Grains.Abstractions.Facilities;

namespace KMN.Orleans.Grains.Facilities;

/// <summary>
/// The checks of an uploaded consent form (Japanese problems). The content must look like what its type says
/// (PDF, JPEG or PNG signature bytes): a renamed file of another kind is refused, not stored.
/// </summary>
public static class ConsentFormRules
{
    public static string? Problem(ConsentFormUpload? form) => form switch
    {
        null => null,
        { Content: null or { Length: 0 } } => "同意書のファイルが空です。",
        { Content.Length: > (int)ConsentFormUpload.MaxBytes } => "同意書のファイルは 10 MB 以下にしてください。",
        _ when string.IsNullOrWhiteSpace(form.FileName) => "同意書のファイル名がありません。",
        _ when !ConsentFormUpload.AcceptedTypes.Contains(form.ContentType) => "同意書は PDF、JPEG または PNG のファイルで登録してください。",
        _ when !LooksLike(form.ContentType, form.Content) => "同意書のファイルの内容が形式 (PDF、JPEG、PNG) と一致しません。",
        _ => null,
    };

    private static bool LooksLike(string contentType, byte[] content) => contentType switch
    {
        "application/pdf" => content.AsSpan().StartsWith("%PDF-"u8),
        "image/jpeg" => content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        "image/png" => content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        _ => false,
    };
}
