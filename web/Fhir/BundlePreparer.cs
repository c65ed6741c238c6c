using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using static KMN.Orleans.Web.Fhir.JsonText;

namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// Turns an uploaded Bundle into entries ready to store: structure and R4 checks per entry, logical ids,
/// urn:uuid and conditional references resolved and rewritten, the patient and its consents found, index
/// fields extracted. Every problem names its entry. The body is parsed once into a read-only document that
/// the entries point into; each stored resource is written from it exactly once.
/// </summary>
public sealed class BundlePreparer(ResourceValidator validator, IBundleLookups lookups, IOptions<FhirApiOptions> options)
{
    /// <summary>The caller disposes the result (it owns the parsed body).</summary>
    public async Task<PreparedBundle> PrepareAsync(ReadOnlyMemory<byte> body, string facility)
    {
        var bundle = new PreparedBundle();
        try
        {
            bundle.Document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException e)
        {
            bundle.BundleIssues.Add(new FhirIssue("structure", $"JSON として読めません: {e.Message}"));
            return bundle;
        }
        if (!CheckBundle(bundle.Document.RootElement, bundle, out var entries))
            return bundle;

        var index = 0;
        foreach (var node in entries.EnumerateArray())
        {
            if (EntryParser.Parse(index, node, facility, validator, options.Value.MaxStringLength) is { } parsed)
                bundle.Entries.Add(parsed);
            else
                bundle.BundleIssues.Add(FhirIssue.AtEntry(index, "required", "resource がありません。"));
            index++;
        }

        var references = new ReferenceResolver(bundle, facility, lookups);
        references.MapFullUrls();
        await references.ApplyIfNoneExistAsync();
        await references.ResolveExternalAsync();
        PatientFinder.Find(bundle, facility, references);
        foreach (var entry in bundle.Entries.Where(e => e.Issues.Count == 0))
            references.Rewrite(entry);
        foreach (var entry in bundle.Entries.Where(e => e.Issues.Count == 0 && e.Type == "Consent"))
        {
            var (grant, problem) = ConsentReader.Read(entry.Resource, facility, bundle.PatientReference, entry.Rewrites);
            if (grant is not null)
                bundle.Consents.Add(grant);
            else
                entry.Issues.Add(FhirIssue.AtEntry(entry.Index, "business-rule", problem!, "invalid-consent"));
        }
        var scratch = new ArrayBufferWriter<byte>(64 * 1024);
        foreach (var entry in bundle.Entries.Where(e => e.Issues.Count == 0 && !e.AlreadyExists))
            entry.Prepared = EntryFinisher.Finish(entry, scratch);
        return bundle;
    }

    private static bool CheckBundle(JsonElement root, PreparedBundle bundle, out JsonElement entries)
    {
        entries = default;
        if (root.ValueKind != JsonValueKind.Object || Text(root, "resourceType") != "Bundle")
        {
            bundle.BundleIssues.Add(new FhirIssue("structure", "resourceType が Bundle の JSON を送ってください。"));
            return false;
        }
        var type = Text(root, "type");
        if (type is not ("transaction" or "batch"))
        {
            bundle.BundleIssues.Add(new FhirIssue("invalid", $"Bundle.type は transaction か batch です (受信: {type ?? "なし"})。", "Bundle.type"));
            return false;
        }
        bundle.IsTransaction = type == "transaction";
        entries = Prop(root, "entry");
        if (entries.ValueKind != JsonValueKind.Array || entries.GetArrayLength() == 0)
        {
            bundle.BundleIssues.Add(new FhirIssue("required", "Bundle.entry が空です。", "Bundle.entry"));
            return false;
        }
        return true;
    }
}
