using KMN.Orleans.PortalTests.Support;
using System.Text.RegularExpressions;

namespace KMN.Orleans.PortalTests;

/// <summary>
/// ChartResource is Japanese first with English switchable: both files have every key, every text is filled,
/// and every key the chart's code asks for exists (dynamic "{Enum}_{Member}" keys included).
/// </summary>
public sealed partial class ResourceParityTests
{
    [Fact]
    public void Japanese_and_English_have_the_same_filled_keys()
    {
        var ja = WebResources.Read("ChartResource.resx");
        var en = WebResources.Read("ChartResource.en.resx");
        Assert.Empty(ja.Keys.Except(en.Keys));
        Assert.Empty(en.Keys.Except(ja.Keys));
        Assert.All(ja.Concat(en), p => Assert.False(string.IsNullOrWhiteSpace(p.Value), p.Key));
    }

    [Fact]
    public void Every_key_used_in_code_exists()
    {
        var keys = WebResources.Read("ChartResource.resx").Keys.ToHashSet();
        var sources = Directory.EnumerateFiles(Path.Combine(WebResources.Web, "Components"), "*.razor", SearchOption.AllDirectories)
            .Where(f => f.Contains("Chart", StringComparison.Ordinal) || f.EndsWith("Patients.razor", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(Path.Combine(WebResources.Web, "Components", "Chart"), "*.cs"));
        var used = sources.SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();
        Assert.NotEmpty(used);
        var missing = used.Where(k => !keys.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing));

        string[] dynamic =
        [
            .. Enum.GetNames<KMN.Orleans.Web.Chart.ChartCategory>().Select(n => "Category_" + n),
            .. Enum.GetNames<KMN.Orleans.Grains.Abstractions.Patients.Sex>().Select(n => "Sex_" + n),
            .. Enum.GetNames<KMN.Orleans.Grains.Abstractions.Access.AccessReason>().Select(n => "Reason_" + n),
            .. Enum.GetNames<KMN.Orleans.Grains.Abstractions.Access.RecordCategory>().Select(n => "RecordCategory_" + n),
            .. Enum.GetNames<KMN.Orleans.Web.Chart.Labs.LabFlag>().Select(n => "Flag_" + n),
            .. Enum.GetNames<DayOfWeek>().Select(n => "Weekday_" + n),
            .. new[] { "Worse", "Better", "Changed" }.Select(n => "Change_" + n),
            .. "ABCDE".Select(j => $"Judgement_{j}"),
        ];
        var missingDynamic = dynamic.Where(k => !keys.Contains(k)).ToList();
        Assert.True(missingDynamic.Count == 0, "missing: " + string.Join(", ", missingDynamic));
    }

    [GeneratedRegex(@"\b[Cc]\[""([A-Za-z]+_[A-Za-z]+)""")]
    private static partial Regex KeyUse();
}
