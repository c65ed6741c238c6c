using KMN.Orleans.BrowserTests.Infrastructure;

namespace KMN.Orleans.BrowserTests.BreakGlass;

/// <summary>
/// The demo cards and patients the break-the-glass tests use. Physicians of the third and fourth demo hospitals,
/// so the grants they open (15 minutes, per person) never change what other tests' physicians see.
/// </summary>
public static class BreakGlassCards
{
    /// <summary>Demo patient index 5: its consent is revoked by the demo, so every other facility is refused.</summary>
    public const string RevokedPatient = "430000000006";

    /// <summary>Breaks the glass (and reads the access log) in the main walkthrough.</summary>
    public static DemoCard Emergency(DemoCards cards) => HospitalPhysician(cards, 2);

    /// <summary>Tries with an empty reason, and watches a consenting chart being revoked.</summary>
    public static DemoCard Second(DemoCards cards) => HospitalPhysician(cards, 3);

    // The demo issues cards facility by facility and the four hospitals come first, so the first four 医師 HPKI
    // cards are hospital physicians (#0 and #1 are DemoCards.Physician and DemoCards.RoleMismatch).
    private static DemoCard HospitalPhysician(DemoCards cards, int n) =>
        cards.All.Where(c => c.Kind == "hpki-card" && c.Role == "医師").Skip(n).FirstOrDefault()
        ?? throw new InvalidOperationException($"The demo PKI has no 医師 HPKI card #{n + 1}.");
}
