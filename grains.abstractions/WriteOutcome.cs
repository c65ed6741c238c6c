namespace KMN.Orleans.Grains.Abstractions;

/// <summary>What an idempotent write did, so callers (and re-runs of the demo loader) can report it.</summary>
[GenerateSerializer, Alias("kmn.WriteOutcome")]
public enum WriteOutcome
{
    Created = 1,
    Updated = 2,
    Unchanged = 3,
}
