using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// Turns an uploaded Bundle into entries ready to store: structure and R4 checks per entry, logical ids,
/// urn:uuid and conditional references resolved and rewritten, the patient and its consents found, index
/// fields extracted. Every problem names its entry.
/// </summary>
public sealed class BundlePreparer(ResourceValidator validator, IBundleLookups lookups, IOptions<FhirApiOptions> options)
{
    public async Task<PreparedBundle> PrepareAsync(ReadOnlyMemory<byte> body, string facility)
    {
        var bundle = new PreparedBundle();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body.Span, documentOptions: new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException e)
        {
            bundle.BundleIssues.Add(new FhirIssue("structure", $"JSON として読めません: {e.Message}"));
            return bundle;
        }
        if (!CheckBundle(root, bundle, out var entries))
            return bundle;

        for (var i = 0; i < entries.Count; i++)
            if (EntryParser.Parse(i, entries[i], facility, validator, options.Value.MaxStringLength) is { } parsed)
                bundle.Entries.Add(parsed);
            else
                bundle.BundleIssues.Add(FhirIssue.AtEntry(i, "required", "resource がありません。"));

        var references = new ReferenceResolver(bundle, facility, lookups);
        references.MapFullUrls();
        await references.ApplyIfNoneExistAsync();
        await references.ResolveExternalAsync();
        PatientFinder.Find(bundle, facility, references);
        foreach (var entry in bundle.Entries.Where(e => e.Issues.Count == 0))
            references.Rewrite(entry);
        foreach (var entry in bundle.Entries.Where(e => e.Issues.Count == 0 && e.Type == "Consent"))
        {
            var (grant, problem) = ConsentReader.Read(entry.Resource, facility, bundle.PatientReference);
            if (grant is not null)
                bundle.Consents.Add(grant);
            else
                entry.Issues.Add(FhirIssue.AtEntry(entry.Index, "business-rule", problem!, "invalid-consent"));
        }
        foreach (var entry in bundle.Entries.Where(e => e.Issues.Count == 0 && !e.AlreadyExists))
            entry.Prepared = EntryFinisher.Finish(entry);
        return bundle;
    }

    private static bool CheckBundle(JsonNode? root, PreparedBundle bundle, out JsonArray entries)
    {
        entries = [];
        if (root is not JsonObject obj || Text(obj["resourceType"]) != "Bundle")
        {
            bundle.BundleIssues.Add(new FhirIssue("structure", "resourceType が Bundle の JSON を送ってください。"));
            return false;
        }
        var type = Text(obj["type"]);
        if (type is not ("transaction" or "batch"))
        {
            bundle.BundleIssues.Add(new FhirIssue("invalid", $"Bundle.type は transaction か batch です (受信: {type ?? "なし"})。", "Bundle.type"));
            return false;
        }
        bundle.IsTransaction = type == "transaction";
        entries = obj["entry"] as JsonArray ?? [];
        if (entries.Count == 0)
        {
            bundle.BundleIssues.Add(new FhirIssue("required", "Bundle.entry が空です。", "Bundle.entry"));
            return false;
        }
        return true;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
