using System.Collections.Immutable;
using System.Text.Json.Nodes;
using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Web.Fhir;

/// <summary>One bundle entry on its way through validation and reference rewriting.</summary>
public sealed class ParsedEntry(int index, string type, JsonObject resource)
{
    public int Index { get; } = index;
    public string Type { get; } = type;
    public JsonObject Resource { get; } = resource;
    public string SourceId { get; set; } = "";
    public string LogicalId { get; set; } = "";
    public string? FullUrl { get; set; }
    public string? IfNoneExist { get; set; }

    /// <summary>ifNoneExist matched a stored resource: nothing is written, the response points at that one.</summary>
    public bool AlreadyExists { get; set; }
    public bool PatientBound { get; set; }
    public ImmutableArray<BusinessIdentifier> Identifiers { get; set; } = [];
    public List<FhirIssue> Issues { get; } = [];

    /// <summary>Every Reference.reference in the resource, found once by the parser's walk.</summary>
    public List<ReferenceSite> References { get; } = [];
    public ClinicalEntry? Prepared { get; set; }
    public string Reference => $"{Type}/{LogicalId}";
}

/// <summary>A bundle after preparation: what to store, or the problems that stop it.</summary>
public sealed class PreparedBundle
{
    public bool IsTransaction { get; set; }
    public List<FhirIssue> BundleIssues { get; } = [];
    public List<ParsedEntry> Entries { get; } = [];
    public BusinessIdentifier? PatientChart { get; set; }
    public string? PatientReference { get; set; }
    public List<ConsentGrant> Consents { get; } = [];

    public IEnumerable<FhirIssue> AllIssues => BundleIssues.Concat(Entries.SelectMany(e => e.Issues));
}
