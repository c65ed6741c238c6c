using KMN.Orleans.PortalTests.Support;
using System.Text.RegularExpressions;
using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Web.Components.BreakGlass;
using KMN.Orleans.Web.Services.Access;

namespace KMN.Orleans.PortalTests.AccessLog;

/// <summary>Every key the access UI asks for exists in AccessResource (ResourceParityTests checks that both languages match).</summary>
public sealed partial class AccessResourceTests
{
    [Fact]
    public void Every_key_used_exists()
    {
        var keys = WebResources.Read("AccessResource.resx").Keys.ToHashSet();
        string[] files =
        [
            .. Directory.EnumerateFiles(Path.Combine(WebResources.Web, "Components", "BreakGlass"), "*.razor"),
            .. Directory.EnumerateFiles(Path.Combine(WebResources.Web, "Components", "AccessLog"), "*.razor"),
            .. new[] { "ChartPage", "Patients", "Ops", "AccessLogPage", "ReviewsPage" }
                .Select(p => Path.Combine(WebResources.Web, "Components", "Pages", p + ".razor")),
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
}
