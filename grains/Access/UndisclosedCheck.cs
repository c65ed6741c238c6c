using System.Text.Json;
using KMN.Orleans.Grains.Abstractions.Access;

namespace KMN.Orleans.Grains.Access;

/// <summary>Whether a stored resource carries the 未告知 extension (the C# twin of <see cref="RecordCategorySql.UndisclosedProbe"/>).</summary>
public static class UndisclosedCheck
{
    public static bool IsMarked(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("extension", out var extensions) || extensions.ValueKind != JsonValueKind.Array)
            return false;
        foreach (var extension in extensions.EnumerateArray())
            if (extension.TryGetProperty("url", out var url) && url.ValueEquals(UndisclosedToPatient.ExtensionUrl)
                && extension.TryGetProperty("valueBoolean", out var value) && value.ValueKind == JsonValueKind.True)
                return true;
        return false;
    }
}
