using System.Text.Json;

namespace KMN.Orleans.Web.Chart.Fhir;

/// <summary>Names of facilities by their 10-digit code (the network directory).</summary>
public interface IFacilityNames
{
    string? NameOf(string facilityCode);
}

/// <summary>
/// Which facility a resource came from. The uploader (when the reader supplies it) is the truth; otherwise the
/// resource's own organization references (directly, through a PractitionerRole, or through its Encounter),
/// then meta.source. Organizations are matched to the directory by any 10-digit identifier.
/// </summary>
public sealed class FacilityResolver(ChartSourceSet set, IFacilityNames names)
{
    private static readonly string[] OrganizationPaths =
        ["serviceProvider", "performer", "requester", "custodian", "author", "recorder", "asserter", "resultsInterpreter", "managingOrganization", "organization"];

    private const string FacilityNumberSystem = "http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no";

    // Every view asks for a resource's facility; thousands of resources name the same few organizations.
    private readonly Dictionary<ParsedResource, FacilityRef> _byResource = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, FacilityRef?> _byReference = new(StringComparer.Ordinal);

    public FacilityRef For(ParsedResource resource)
    {
        if (!_byResource.TryGetValue(resource, out var facility))
            _byResource[resource] = facility = Resolve(resource);
        return facility;
    }

    private FacilityRef Resolve(ParsedResource resource) =>
        resource.SourceFacility is { Length: > 0 } code ? FromCode(code, null)
        : FromReferences(resource.Root)
          ?? (set.Resolve(resource.Root.Reference("encounter")) is { } encounter && For(encounter) is { IsKnown: true } via ? via : null)
          ?? FromMetaSource(resource.Root)
          ?? FacilityRef.Unknown;

    public FacilityRef FromCode(string code, string? fallbackName) =>
        new(code, names.NameOf(code) ?? fallbackName ?? "");

    private FacilityRef? FromReferences(JsonElement root)
    {
        foreach (var path in OrganizationPaths)
        {
            foreach (var element in root.Items(path))
            {
                var reference = element.ValueKind == JsonValueKind.Object ? (element.Exists("actor") ? element.Get("actor") : element) : default;
                if (FromReference(reference) is { } found)
                    return found;
            }
        }
        return null;
    }

    private FacilityRef? FromReference(JsonElement reference)
    {
        if (reference.ValueKind != JsonValueKind.Object)
            return null;
        var text = reference.Text("reference");
        if (text is null)
            return FromTarget(reference);
        if (!_byReference.TryGetValue(text, out var found))
            _byReference[text] = found = FromTarget(reference);
        return found;
    }

    private FacilityRef? FromTarget(JsonElement reference)
    {
        var target = set.Resolve(reference.Text("reference"));
        if (target?.Type == "PractitionerRole")
            target = set.Resolve(target.Root.Reference("organization"));
        if (target?.Type == "Organization")
            return FromOrganization(target.Root);
        // A logical reference by 医療機関番号 alone (JP Core's facility-number system) names an organization too:
        // EMRs send serviceProvider/custodian that way, without a type or a literal reference.
        var isOrganization = reference.Text("type") == "Organization"
            || reference.Text("reference")?.StartsWith("Organization/", StringComparison.Ordinal) == true
            || reference.Text("identifier.system") == FacilityNumberSystem;
        if (!isOrganization)
            return null;
        var code = FacilityCodeOf(reference.Text("identifier.value"));
        var display = reference.Text("display");
        return code is not null ? FromCode(code, display) : display is not null ? new FacilityRef("", display) : null;
    }

    private FacilityRef FromOrganization(JsonElement organization)
    {
        var code = organization.Items("identifier").Select(i => FacilityCodeOf(i.Text("value"))).FirstOrDefault(c => c is not null);
        var name = organization.Text("name");
        return code is not null ? FromCode(code, name) : new FacilityRef("", name ?? "");
    }

    private FacilityRef? FromMetaSource(JsonElement root) =>
        root.Text("meta.source") is { Length: >= 10 } source && FacilityCodeOf(source[^10..]) is { } code ? FromCode(code, null) : null;

    /// <summary>A facility code is ten ASCII digits (医療機関コード style, prefecture first).</summary>
    public static string? FacilityCodeOf(string? value) =>
        value is { Length: 10 } && value.All(char.IsAsciiDigit) ? value : null;
}
