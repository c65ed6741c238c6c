using System.Text.RegularExpressions;
using System.Xml.Linq;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Web.Components.BreakGlass;
using KMN.Orleans.Web.Services.Access;

namespace KMN.Orleans.PortalTests.AccessLog;

/// <summary>Every key the access UI asks for exists in AccessResource (ResourceParityTests checks that both languages match).</summary>
public sealed partial class AccessResourceTests
{
    private static readonly string Web = Path.Combine(RepoRoot(), "web");

    [Fact]
    public void Every_key_used_exists()
    {
        var keys = Read("AccessResource.resx").Keys.ToHashSet();
        string[] files =
        [
            .. Directory.EnumerateFiles(Path.Combine(Web, "Components", "BreakGlass"), "*.razor"),
            .. Directory.EnumerateFiles(Path.Combine(Web, "Components", "AccessLog"), "*.razor"),
            .. new[] { "ChartPage", "Patients", "Ops", "AccessLogPage", "ReviewsPage" }
                .Select(p => Path.Combine(Web, "Components", "Pages", p + ".razor")),
        ];
        var used = files.SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();
        Assert.True(used.Count > 30, $"only {used.Count} keys found");
        string[] dynamic =
        [
            .. Enum.GetNames<BreakGlassReason>().Select(n => "BreakGlassReason_" + n),
            .. Enum.GetNames<AccessPurpose>().Select(n => "Purpose_" + n),
            .. AccessLabels.Actions.Select(a => "Action_" + a.Replace("-", "", StringComparison.Ordinal)),
        ];
        var missing = used.Concat(dynamic).Where(k => !keys.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing));
    }

    [GeneratedRegex(@"\bA\[""([A-Za-z]+_[A-Za-z]+)""")]
    private static partial Regex KeyUse();

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Web, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        for (var dir = new FileInfo(source).Directory; dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "KMN.Orleans.sln")))
                return dir.FullName;
        throw new InvalidOperationException("KMN.Orleans.sln not found above " + source);
    }
}
