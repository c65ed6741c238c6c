namespace KMN.Orleans.Grains;

/// <summary>Names of the grain storage providers the silo registers.</summary>
public static class StorageNames
{
    /// <summary>Small per-grain state on PostgreSQL (ADO.NET provider). Clinical records never go here.</summary>
    public const string State = "kmn";
}
