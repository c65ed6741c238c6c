using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Abstractions.Records;

namespace KMN.Orleans.Benchmarks.Chart;

/// <summary>The demo 医師 (HPKI card) who opens the chart, and the number of resources the reader lets them see.</summary>
public sealed record ChartDoctor(DemoStaffCard Card, int Visible, int Physicians)
{
    public AccessCaller Caller => CallerOf(Card);

    public override string ToString() =>
        $"{Card.Profile.DisplayName} ({Card.Profile.AccountId}, 医師 at {Card.Profile.FacilityCode}): " +
        $"{Visible:N0} visible resources, the most of {Physicians} demo 医師 cards";

    /// <summary>
    /// Asks the clinical reader, as each demo 医師, for one resource of the patient: the chart benchmark opens
    /// it as the physician whose consent-permitted view is largest (the heaviest chart anyone there can open).
    /// </summary>
    public static async Task<ChartDoctor> PickAsync(IGrainFactory grains, IReadOnlyList<DemoStaffCard> staff, string patientId)
    {
        var physicians = staff.Where(s => s.Profile.Role == StaffRole.Physician && s.Card.Kind == CardKind.HpkiCard).ToList();
        var reader = grains.GetGrain<IClinicalReaderGrain>(0);
        ChartDoctor? best = null;
        foreach (var card in physicians)
        {
            var page = await reader.EverythingAsync(new EverythingQuery(CallerOf(card), patientId, null, [], 1, 0));
            if (page.Status == ReadStatus.Ok && page.Total > (best?.Visible ?? 0))
                best = new ChartDoctor(card, page.Total, physicians.Count);
        }
        return best ?? throw new InvalidOperationException($"No demo 医師 may open {patientId}: is its consent loaded?");
    }

    private static AccessCaller CallerOf(DemoStaffCard card) =>
        new(card.Profile.FacilityCode, card.Profile.AccountId, card.Profile.Role, card.Profile.DisplayName);
}
