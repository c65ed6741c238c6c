using System.Collections.Immutable;
using System.Text.Json;
using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// One bundle entry on its way through validation and reference rewriting. <see cref="Resource"/> points into
/// the bundle's <see cref="JsonDocument"/>: the sender's JSON is read in place and written once, when finished.
/// </summary>
public sealed class ParsedEntry(int index, string type, JsonElement resource)
{
    public int Index { get; } = index;
    public string Type { get; } = type;
    public JsonElement Resource { get; } = resource;
    public string SourceId { get; set; } = "";
    public string LogicalId { get; set; } = "";
    public string? FullUrl { get; set; }
    public string? IfNoneExist { get; set; }

    /// <summary>ifNoneExist matched a stored resource: nothing is written, the response points at that one.</summary>
    public bool AlreadyExists { get; set; }
    public bool PatientBound { get; set; }
    public ImmutableArray<BusinessIdentifier> Identifiers { get; set; } = [];
    public List<FhirIssue> Issues { get; } = [];

    /// <summary>Every Reference.reference in the resource (as sent), found once by the parser's walk.</summary>
    public List<string> References { get; } = [];

    /// <summary>Sent reference → the network's Type/id, applied when the stored JSON is written.</summary>
    public Dictionary<string, string> Rewrites { get; } = new(StringComparer.Ordinal);
    public ClinicalEntry? Prepared { get; set; }
    public string Reference => $"{Type}/{LogicalId}";
}

/// <summary>
/// A bundle after preparation: what to store, or the problems that stop it. It owns the parsed request
/// document that the entries point into, so it is disposed when the request is answered.
/// </summary>
public sealed class PreparedBundle : IDisposable
{
    public JsonDocument? Document { get; set; }
    public bool IsTransaction { get; set; }
    public List<FhirIssue> BundleIssues { get; } = [];
    public List<ParsedEntry> Entries { get; } = [];
    public BusinessIdentifier? PatientChart { get; set; }
    public string? PatientReference { get; set; }
    public List<ConsentGrant> Consents { get; } = [];

    public IEnumerable<FhirIssue> AllIssues => BundleIssues.Concat(Entries.SelectMany(e => e.Issues));

    public void Dispose() => Document?.Dispose();
}
