namespace KMN.Orleans.Grains.Demo.Clinical;

/// <summary>
/// Every prescription is filled at the patient's pharmacy the same day (院外処方): a MedicationDispense that names
/// the prescribing facility's MedicationRequest by its network id, so the pharmacy uploads after the prescribers.
/// </summary>
public static class PharmacyStory
{
    public static void Generate(HistoryContext ctx)
    {
        if (ctx.Plan.Pharmacy is not { } site || ctx.Prescriptions.Count == 0)
            return;
        var random = ctx.Stream(30);
        var pharmacy = ctx.Record(site);
        var pharmacist = StaffNames.Pharmacist(site.Facility, ctx.Seed);
        foreach (var prescription in ctx.Prescriptions.OrderBy(p => p.AuthoredOn))
        {
            var handedOver = prescription.AuthoredOn.AddMinutes(40 + random.Next(0, 50));
            if (DateOnly.FromDateTime(handedOver.DateTime) > ctx.Until)
                continue;
            var id = $"{ctx.P}-d{prescription.Prescriber.Facility.Code}-{prescription.Key.SourceId[(ctx.P.Length + 1)..]}";
            MedicationResources.Dispense(pharmacy, id, prescription, handedOver, pharmacist);
        }
    }
}
