using KMN.Orleans.Grains.Abstractions.Access;

namespace KMN.Orleans.Grains.Access;

/// <summary>A granted <see cref="AccessDecision"/> as the arrays the reader's SQL takes.</summary>
public sealed record AccessFilter(string[] Sources, int[] Categories, string[] UndisclosedSources)
{
    public static AccessFilter From(AccessDecision decision)
    {
        var pairs = decision.Sources.SelectMany(s => s.Categories.Select(c => (s.FacilityCode, Category: (int)c))).ToList();
        return new AccessFilter([.. pairs.Select(p => p.FacilityCode)], [.. pairs.Select(p => p.Category)],
            [.. decision.Sources.Where(s => s.UndisclosedVisible).Select(s => s.FacilityCode)]);
    }
}
