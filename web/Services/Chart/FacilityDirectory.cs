using KMN.Orleans.Web.Chart.Fhir;

namespace KMN.Orleans.Web.Services.Chart;

/// <summary>Where the chart gets facility names from (the directory; a fixed list in tests).</summary>
public interface IFacilityNamesSource
{
    Task<IFacilityNames> GetNamesAsync();
}

/// <summary>
/// Facility names for the chart, from the network directory. Cached for a few minutes: twenty-odd facilities
/// change rarely, and every chart open needs all of them.
/// </summary>
public sealed class FacilityDirectory(NetworkDirectoryService directory, TimeProvider clock) : IFacilityNamesSource
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private volatile Snapshot? _snapshot;

    public async Task<IFacilityNames> GetNamesAsync()
    {
        var current = _snapshot;
        if (current is not null && clock.GetUtcNow() - current.LoadedAt < Lifetime)
            return current;
        var facilities = await directory.ListFacilitiesAsync();
        current = new Snapshot(facilities.ToDictionary(f => f.Code, f => f.Name, StringComparer.Ordinal), clock.GetUtcNow());
        _snapshot = current;
        return current;
    }

    private sealed record Snapshot(Dictionary<string, string> Names, DateTimeOffset LoadedAt) : IFacilityNames
    {
        public string? NameOf(string facilityCode) => Names.GetValueOrDefault(facilityCode);
    }
}
