namespace KMN.Orleans.Web.Chart;

/// <summary>
/// One stored resource as the chart receives it from the reader: its JSON and, once the reader says so, the
/// facility that uploaded it (until then the facility is read from the resource's own references).
/// </summary>
public sealed record ChartResourceRow(string ResourceType, string ResourceId, string Json, string? SourceFacility = null);
