using System.Collections.Immutable;
using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Web.Fhir;

/// <summary>What bundle preparation must ask the stored records: identifiers and existence (one call each).</summary>
public interface IBundleLookups
{
    Task<ImmutableArray<ResolvedIdentifier>> ResolveAsync(string facility, ImmutableArray<IdentifierLookup> lookups);
    Task<ImmutableArray<string>> ExistingAsync(ImmutableArray<string> references);
}

/// <summary>The lookups through the ingest grain (the web never queries the clinical tables itself).</summary>
public sealed class GrainBundleLookups(IGrainFactory grains) : IBundleLookups
{
    private IClinicalIngestGrain Ingest => grains.GetGrain<IClinicalIngestGrain>(0);

    public Task<ImmutableArray<ResolvedIdentifier>> ResolveAsync(string facility, ImmutableArray<IdentifierLookup> lookups) =>
        lookups.IsEmpty ? Task.FromResult(ImmutableArray<ResolvedIdentifier>.Empty) : Ingest.ResolveIdentifiersAsync(facility, lookups);

    public Task<ImmutableArray<string>> ExistingAsync(ImmutableArray<string> references) =>
        references.IsEmpty ? Task.FromResult(ImmutableArray<string>.Empty) : Ingest.ExistingAsync(references);
}
