namespace KMN.Orleans.Grains.Abstractions.Patients;

/// <summary>A facility's own patient number (カルテ番号) for a network patient.</summary>
[GenerateSerializer, Immutable, Alias("kmn.ChartNumber")]
public sealed record ChartNumber(
    [property: Id(0)] string FacilityCode,
    [property: Id(1)] string Number);
