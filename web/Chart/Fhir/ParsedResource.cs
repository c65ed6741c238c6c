using System.Text.Json;

namespace KMN.Orleans.Web.Chart.Fhir;

/// <summary>A stored resource parsed once for mapping; <see cref="Root"/> lives as long as its <see cref="ChartSourceSet"/>.</summary>
public sealed record ParsedResource(string Type, string Id, JsonElement Root, string? SourceFacility)
{
    public DetailRef Ref => new(Type, Id);
}
