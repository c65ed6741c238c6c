namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>Where an entry goes when a facility's history is split into several bundles.</summary>
public enum EntryPlacement
{
    /// <summary>By its date, with the entries of the same years.</summary>
    ByDate,
    /// <summary>In every bundle (the Patient: each bundle names its patient by the facility's chart number).</summary>
    EveryBundle,
    /// <summary>In the first bundle only (the consent and its signer).</summary>
    FirstBundle,
}

/// <summary>One resource of a facility's upload: who it is, the date that orders it, and how to write it.</summary>
public sealed class DemoEntry(ResourceKey key, DateTimeOffset date, Action<FhirWriter> write, EntryPlacement placement)
{
    public ResourceKey Key { get; } = key;
    public DateTimeOffset Date { get; } = date;
    public EntryPlacement Placement { get; } = placement;

    /// <summary>Lab and vital values (Observations with a numeric result), counted for the benchmark patient.</summary>
    public bool IsMeasurement { get; init; }

    public void Write(FhirWriter writer) => write(writer);
}
