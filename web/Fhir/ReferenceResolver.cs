using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// Resolves what a bundle's references point at — fullUrls (urn:uuid), relative ids of entries, conditional
/// references (Type?identifier=system|value) within the bundle or in the store — and rewrites them to
/// the network's Type/id. Anything left pointing nowhere is a dangling reference and an error.
/// </summary>
public sealed class ReferenceResolver(PreparedBundle bundle, string facility, IBundleLookups lookups)
{
    private readonly Dictionary<string, ParsedEntry> _inBundle = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _conditional = new(StringComparer.Ordinal);
    private readonly HashSet<string> _stored = new(StringComparer.Ordinal);

    /// <summary>Conditional references that resolved to a stored resource (for a bundle without a Patient entry).</summary>
    public IReadOnlyDictionary<string, string> Conditional => _conditional;

    public void MapFullUrls()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in bundle.Entries)
        {
            if (entry.FullUrl is { } url && !seen.Add(url))
                entry.Issues.Add(FhirIssue.AtEntry(entry.Index, "duplicate", $"fullUrl '{url}' が重複しています。"));
            else if (entry.FullUrl is { } first)
                _inBundle[first] = entry;
            if (entry.Issues.Count == 0 && !_inBundle.TryAdd($"{entry.Type}/{entry.SourceId}", entry)
                && _inBundle[$"{entry.Type}/{entry.SourceId}"] != entry)
                entry.Issues.Add(FhirIssue.AtEntry(entry.Index, "duplicate", $"{entry.Type}/{entry.SourceId} が同じバンドルに 2 回あります。"));
        }
    }

    /// <summary>ifNoneExist=identifier=system|value: an existing resource is reused and nothing new is written.</summary>
    public async Task ApplyIfNoneExistAsync()
    {
        var asks = bundle.Entries
            .Where(e => e.IfNoneExist is not null && e.Type is "Patient" or "Organization")
            .Select(e => (Entry: e, Identifier: ParseIdentifierQuery(e.IfNoneExist!)))
            .Where(x => x.Identifier is not null)
            .ToList();
        var found = await lookups.ResolveAsync(facility, [.. asks.Select(a => new IdentifierLookup(a.Entry.Type, a.Identifier!))]);
        foreach (var (entry, identifier) in asks)
            if (found.FirstOrDefault(f => f.Lookup.ResourceType == entry.Type && f.Lookup.Identifier == identifier) is { } hit)
                (entry.LogicalId, entry.AlreadyExists) = (hit.ResourceId, true);
    }

    /// <summary>One round trip each for conditional references and references to resources outside the bundle.</summary>
    public async Task ResolveExternalAsync()
    {
        var conditional = new HashSet<string>(StringComparer.Ordinal);
        var external = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in bundle.Entries.Where(e => e.Issues.Count == 0))
            foreach (var reference in entry.References)
            {
                if (ParseConditional(reference) is not null)
                    conditional.Add(reference);
                else if (IsRelative(reference) && !_inBundle.ContainsKey(reference))
                    external.Add(reference);
            }

        var asks = new List<(string Reference, IdentifierLookup Lookup)>();
        foreach (var reference in conditional)
        {
            var (type, identifier) = ParseConditional(reference)!.Value;
            var local = bundle.Entries.FirstOrDefault(e => e.Type == type && e.Identifiers.Contains(identifier));
            if (local is not null)
                _inBundle[reference] = local;
            else
                asks.Add((reference, new IdentifierLookup(type, identifier)));
        }
        var found = await lookups.ResolveAsync(facility, [.. asks.Select(a => a.Lookup)]);
        foreach (var (reference, lookup) in asks)
            if (found.FirstOrDefault(f => f.Lookup == lookup) is { } hit)
                _conditional[reference] = $"{lookup.ResourceType}/{hit.ResourceId}";
        foreach (var stored in await lookups.ExistingAsync([.. external]))
            _stored.Add(stored);
    }

    /// <summary>Decides the entry's rewritten references (written with the stored JSON); records dangling and other-patient references.</summary>
    public void Rewrite(ParsedEntry entry)
    {
        foreach (var reference in entry.References)
        {
            var target = Target(reference);
            if (target is null)
            {
                entry.Issues.Add(FhirIssue.AtEntry(entry.Index, "not-found", $"参照先が見つかりません: '{reference}'", "dangling-reference"));
                continue;
            }
            if (target.StartsWith("Patient/", StringComparison.Ordinal) && entry.Type != "Patient")
            {
                if (target != bundle.PatientReference)
                    entry.Issues.Add(FhirIssue.AtEntry(entry.Index, "business-rule",
                        $"このバンドルの患者以外を参照しています: '{reference}'", "other-patient"));
                entry.PatientBound = true;
            }
            if (!string.Equals(target, reference, StringComparison.Ordinal))
                entry.Rewrites[reference] = target;
        }
        if (entry.Type == "Patient")
            entry.PatientBound = true;
    }

    private string? Target(string reference)
    {
        if (reference.StartsWith('#'))
            return reference; // contained resource
        if (_inBundle.TryGetValue(reference, out var entry))
            return entry.Reference;
        if (_conditional.TryGetValue(reference, out var resolved))
            return resolved;
        if (_stored.Contains(reference))
            return reference;
        if (reference.StartsWith("http://", StringComparison.Ordinal) || reference.StartsWith("https://", StringComparison.Ordinal))
        {
            var parts = reference.Split('/');
            var tail = parts.Length >= 2 ? $"{parts[^2]}/{parts[^1]}" : reference;
            return _inBundle.TryGetValue(tail, out var byTail) ? byTail.Reference : reference; // else an external server's resource
        }
        return null;
    }

    private static bool IsRelative(string reference)
    {
        var parts = reference.Split('/');
        return parts.Length == 2 && ResourceValidator.IsKnownType(parts[0]);
    }

    public static (string Type, BusinessIdentifier Identifier)? ParseConditional(string reference)
    {
        var q = reference.IndexOf('?');
        if (q <= 0 || ParseIdentifierQuery(reference[(q + 1)..]) is not { } identifier)
            return null;
        return (reference[..q], identifier);
    }

    /// <summary>"identifier=system|value" (the only search the conditional forms support).</summary>
    public static BusinessIdentifier? ParseIdentifierQuery(string query)
    {
        const string prefix = "identifier=";
        if (!query.StartsWith(prefix, StringComparison.Ordinal))
            return null;
        var value = Uri.UnescapeDataString(query[prefix.Length..]);
        var bar = value.IndexOf('|');
        return bar <= 0 || bar == value.Length - 1 ? null : new BusinessIdentifier(value[..bar], value[(bar + 1)..]);
    }
}
