using System.Xml.Linq;

namespace KMN.Orleans.PortalTests.Support;

/// <summary>The portal's resource files, read from the source tree (found from this file's location, whatever folder the tests were built into).</summary>
public static class WebResources
{
    public static string Web { get; } = Path.Combine(RepoRoot(), "web");

    /// <summary>Key → text of one .resx file in web/Resources.</summary>
    public static Dictionary<string, string> Read(string file) =>
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
