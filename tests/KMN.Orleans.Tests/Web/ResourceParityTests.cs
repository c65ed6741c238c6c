using System.Xml.Linq;
using Xunit;

namespace KMN.Orleans.Tests.Web;

/// <summary>
/// The portal is Japanese first with English switchable: every key must exist in both resource files with
/// a real text, or a switched page would silently show a key name instead of a label.
/// </summary>
public sealed class ResourceParityTests
{
    private static readonly string Resources = Path.Combine(RepoRoot(), "web", "Resources");

    // Every neutral (Japanese) resource file of the portal, each with its English sibling.
    private static IEnumerable<string> Names() =>
        Directory.GetFiles(Resources, "*.resx").Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension).OfType<string>().Order();

    public static IEnumerable<object[]> ResourceFiles() => Names().Select(n => new object[] { n });

    [Fact]
    public void Every_resource_file_has_an_English_sibling()
    {
        Assert.Contains("SharedResource", Names());
        Assert.All(Names(), name => Assert.True(File.Exists(Path.Combine(Resources, $"{name}.en.resx")), name));
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void Japanese_and_English_resources_have_the_same_keys(string name)
    {
        var japanese = Read($"{name}.resx");
        var english = Read($"{name}.en.resx");

        Assert.NotEmpty(japanese);
        Assert.Empty(japanese.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(japanese.Keys));
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void Every_text_is_filled_in_and_the_default_file_is_Japanese(string name)
    {
        var japanese = Read($"{name}.resx");
        var english = Read($"{name}.en.resx");

        Assert.All(japanese.Concat(english), pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), pair.Key));
        // The neutral (default) file is what a clinician sees: most labels carry kana or kanji.
        var withJapanese = japanese.Values.Count(v => v.Any(IsJapanese));
        Assert.True(withJapanese > japanese.Count * 0.8, $"{name}: only {withJapanese} of {japanese.Count} default texts are Japanese");
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static bool IsJapanese(char c) =>
        c is >= '\u3040' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF' or >= '\uFF00' and <= '\uFFEF';

    // Found from this source file's location, so it works whatever folder the tests were built into.
    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        for (var dir = new FileInfo(source).Directory; dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "KMN.Orleans.sln")))
                return dir.FullName;
        throw new InvalidOperationException("KMN.Orleans.sln not found above " + source);
    }
}
