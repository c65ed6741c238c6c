using KMN.Orleans.Web.Chart.Fhir;

namespace KMN.Orleans.Web.Services.Chart;

/// <summary>Where the chart gets facility names from (the directory; a fixed list in tests).</summary>
public interface IFacilityNamesSource
{
    Task<IFacilityNames> GetNamesAsync();
}

/// <summary>
/// Facility names for the chart, from the network directory. Cached for a few minutes: twenty-odd facilities
/// change rarely, and every chart open needs all of them. An unchanged list keeps its snapshot instance, so
/// charts mapped with it (<see cref="ChartViewCache"/>) stay usable across refreshes.
/// </summary>
public sealed class FacilityDirectory(NetworkDirectoryService directory, TimeProvider clock) : IFacilityNamesSource
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private volatile Snapshot? _snapshot;

    public async Task<IFacilityNames> GetNamesAsync()
    {
        var current = _snapshot;
        if (current is not null && clock.GetUtcNow() - current.LoadedAt < Lifetime)
            return current.Names;
        var facilities = await directory.ListFacilitiesAsync();
        var names = new Names(facilities.ToDictionary(f => f.Code, f => f.Name, StringComparer.Ordinal));
        if (current is not null && current.Names.SameAs(names))
            names = current.Names;
        _snapshot = new Snapshot(names, clock.GetUtcNow());
        return names;
    }

    private sealed record Snapshot(Names Names, DateTimeOffset LoadedAt);

    private sealed class Names(Dictionary<string, string> byCode) : IFacilityNames
    {
        private Dictionary<string, string> ByCode { get; } = byCode;

        public string? NameOf(string facilityCode) => ByCode.GetValueOrDefault(facilityCode);

        public bool SameAs(Names other) =>
            ByCode.Count == other.ByCode.Count && ByCode.All(n => other.ByCode.TryGetValue(n.Key, out var name) && name == n.Value);
    }
}
