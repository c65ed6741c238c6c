namespace KMN.Orleans.Web.Chart;

/// <summary>
/// An image of a report, from Media + Binary in the record. Small images travel as a data: URL (nothing to fetch,
/// nothing outside the circuit's authorization); <see cref="TooLarge"/> ones are listed without their pixels.
/// </summary>
public sealed record ChartImage(string Title, string ContentType, string? DataUrl, bool TooLarge, DetailRef Source);
