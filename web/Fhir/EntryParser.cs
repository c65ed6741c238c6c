using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using KMN.Orleans.Grains.Abstractions.Records;
using static KMN.Orleans.Web.Fhir.JsonText;

namespace KMN.Orleans.Web.Fhir;

/// <summary>One entry's own checks: resource type, R4 validity, request method and url, its source id.</summary>
public static class EntryParser
{
    private static readonly HashSet<string> IdentifiedTypes = ["Patient", "Organization"];

    public static ParsedEntry? Parse(int index, JsonElement node, string facility, ResourceValidator validator, int maxString)
    {
        if (Prop(node, "resource") is not { ValueKind: JsonValueKind.Object } resource)
            return null;
        var type = Text(resource, "resourceType") ?? "";
        var entry = new ParsedEntry(index, type, resource) { FullUrl = Text(node, "fullUrl") };
        if (!ResourceValidator.IsKnownType(type))
        {
            entry.Issues.Add(FhirIssue.AtEntry(index, "not-supported", $"R4 にないリソース種別です: '{type}'"));
            return entry;
        }
        // Huge strings first: the R4 check would echo them back in its messages.
        var tooLong = new HashSet<string>(StringComparer.Ordinal);
        ReferenceWalker.Collect(resource, entry.References, name => tooLong.Add(name), maxString);
        foreach (var name in tooLong)
            entry.Issues.Add(FhirIssue.AtEntry(index, "too-long", $"要素 '{name}' の文字列が上限 {maxString:N0} 文字を超えています。"));
        if (tooLong.Count == 0)
            foreach (var problem in validator.Validate(JsonMarshal.GetRawUtf8Value(resource), type))
                entry.Issues.Add(FhirIssue.AtEntry(index, "structure", problem));

        var request = Prop(node, "request");
        var method = Text(request, "method") ?? "POST";
        var url = Text(request, "url") ?? type;
        string? putId = null;
        if (method == "PUT")
        {
            var parts = url.Split('/');
            if (parts.Length != 2 || parts[0] != type)
                entry.Issues.Add(FhirIssue.AtEntry(index, "invalid", $"PUT の url は {type}/[id] の形です (受信: {url})。"));
            else
                putId = parts[1];
        }
        else if (method != "POST")
            entry.Issues.Add(FhirIssue.AtEntry(index, "not-supported", $"request.method {method} は扱えません (POST か PUT)。"));
        else if (url.Split('?')[0] != type)
            entry.Issues.Add(FhirIssue.AtEntry(index, "invalid", $"request.url '{url}' がリソース種別 {type} と一致しません。"));

        entry.IfNoneExist = Text(request, "ifNoneExist");
        entry.SourceId = putId ?? Text(resource, "id") ?? UuidOf(entry.FullUrl) ?? Guid.NewGuid().ToString();
        entry.LogicalId = LogicalIds.For(facility, type, entry.SourceId);
        if (IdentifiedTypes.Contains(type))
            entry.Identifiers = IdentifiersOf(resource);
        return entry;
    }

    public static ImmutableArray<BusinessIdentifier> IdentifiersOf(JsonElement resource) =>
        Prop(resource, "identifier") is { ValueKind: JsonValueKind.Array } identifiers
            ? [.. identifiers.EnumerateArray()
                .Select(i => (System: Text(i, "system"), Value: Text(i, "value")))
                .Where(i => i.System is not null && i.Value is not null)
                .Select(i => new BusinessIdentifier(i.System!, i.Value!))
                .Distinct()]
            : [];

    private static string? UuidOf(string? fullUrl) =>
        fullUrl is not null && fullUrl.StartsWith("urn:uuid:", StringComparison.Ordinal) ? fullUrl["urn:uuid:".Length..] : null;
}
