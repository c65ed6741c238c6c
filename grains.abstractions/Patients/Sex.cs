namespace KMN.Orleans.Grains.Abstractions.Patients;

/// <summary>Administrative sex as FHIR codes it. Persisted: never renumber.</summary>
[GenerateSerializer, Alias("kmn.Sex")]
public enum Sex
{
    Unknown = 0,
    Male = 1,
    Female = 2,
    Other = 3,
}
