using System.Globalization;
using System.Text.Json;

namespace KMN.Orleans.Web.Chart.Fhir;

/// <summary>
/// Prescriptions (MedicationRequest) and dispensing (MedicationDispense) as courses of days. A dispense joins
/// the request it names; a pharmacy's dispense that names none joins a request for the same drug issued up to a
/// week earlier, so one prescription filled at a pharmacy is one course, not a false duplicate.
/// </summary>
public static class MedicationMapping
{
    private const int DispenseWindowDays = 7;

    public static void Map(MappingContext context)
    {
        var byRequest = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in context.Set.OfType("MedicationRequest"))
        {
            if (r.Root.Text("status") == "entered-in-error")
                continue;
            var course = FromRequest(context, r);
            byRequest[r.Ref.ToString()] = context.Prescriptions.Count;
            context.Prescriptions.Add(course);
            context.AddTimeline(r, course.Start, ChartCategory.Prescription, course.Drug, Summary(course));
        }

        foreach (var d in context.Set.OfType("MedicationDispense"))
        {
            if (d.Root.Text("status") == "entered-in-error")
                continue;
            var pharmacy = context.FacilityOf(d);
            var handedOver = ChartDate.FirstOf([d.Root.Text("whenHandedOver"), d.Root.Text("whenPrepared")]);
            var dispense = FromDispense(context, d, pharmacy, handedOver);
            context.AddTimeline(d, handedOver, ChartCategory.Dispensing, dispense.Drug, Summary(dispense));
            if (handedOver.Day is { } day)
                context.Visits.Add(new VisitDay(day, pharmacy, null));

            var index = context.Set.Resolve(d.Root.Reference("authorizingPrescription")) is { } request
                && byRequest.TryGetValue(request.Ref.ToString(), out var linked) ? linked : MatchingRequest(context, dispense);
            if (index >= 0)
                context.Prescriptions[index] = context.Prescriptions[index] with { Pharmacy = pharmacy, Dispensed = handedOver };
            else
                context.Prescriptions.Add(dispense);
        }
    }

    private static PrescriptionCourse FromRequest(MappingContext context, ParsedResource r)
    {
        var dosage = r.Root.Get("dosageInstruction");
        var periodOfUse = Extension(dosage, "PeriodOfUse");
        var start = ChartDate.FirstOf([periodOfUse.Text("valuePeriod.start"), r.Root.Text("dispenseRequest.validityPeriod.start"), r.Root.Text("authoredOn")]);
        var days = Days(r.Root.Get("dispenseRequest.expectedSupplyDuration")) ?? Days(Extension(dosage, "UsageDuration").Get("valueDuration"))
            ?? Days(dosage.Get("timing.repeat.boundsDuration"));
        var (drug, code) = Drug(context, r.Root);
        return new PrescriptionCourse(drug, code, Dose(dosage), dosage.Text("text") ?? dosage.Get("timing.code").ConceptText(),
            start, days, context.FacilityOf(r), null, ChartDate.Unknown, r.Ref);
    }

    private static PrescriptionCourse FromDispense(MappingContext context, ParsedResource d, FacilityRef pharmacy, ChartDate handedOver)
    {
        var dosage = d.Root.Get("dosageInstruction");
        var (drug, code) = Drug(context, d.Root);
        var days = Days(d.Root.Get("daysSupply"));
        return new PrescriptionCourse(drug, code, Dose(dosage), dosage.Text("text") ?? dosage.Get("timing.code").ConceptText(),
            handedOver, days, FacilityRef.Unknown, pharmacy, handedOver, d.Ref);
    }

    private static int MatchingRequest(MappingContext context, PrescriptionCourse dispense)
    {
        if (dispense.Dispensed.Day is not { } handed)
            return -1;
        return context.Prescriptions.FindIndex(p => p.Pharmacy is null && p.Prescriber.IsKnown && p.DrugKey == dispense.DrugKey
            && p.Start.Day is { } start && handed >= start && handed.DayNumber - start.DayNumber <= DispenseWindowDays);
    }

    private static (string Name, string? Code) Drug(MappingContext context, JsonElement root)
    {
        var concept = root.Get("medicationCodeableConcept");
        if (concept.ValueKind == JsonValueKind.Undefined && context.Set.Resolve(root.Reference("medicationReference")) is { } medication)
            concept = medication.Root.Get("code");
        var name = concept.ConceptText() ?? root.Text("medicationReference.display") ?? "";
        return (name, concept.Codings().Select(c => c.Code).FirstOrDefault());
    }

    private static string? Dose(JsonElement dosage)
    {
        var quantity = dosage.Get("doseAndRate.doseQuantity");
        return quantity.Number("value") is { } value
            ? $"{value.ToString("0.###", CultureInfo.InvariantCulture)}{quantity.Text("unit") ?? quantity.Text("code")}"
            : null;
    }

    /// <summary>A Duration or Quantity as whole days (weeks and months converted; anything else unknown).</summary>
    private static int? Days(JsonElement duration)
    {
        if (duration.Number("value") is not { } value || value <= 0 || value > 3650)
            return null;
        var factor = (duration.Text("code") ?? duration.Text("unit")) switch
        {
            null or "d" or "日" or "day" or "days" => 1m,
            "wk" or "週" => 7m,
            "mo" or "月" => 30m,
            _ => 0m,
        };
        return factor > 0 ? (int)Math.Round(value * factor) : null;
    }

    private static JsonElement Extension(JsonElement element, string nameEnd) =>
        element.Items("extension").FirstOrDefault(e => e.Text("url")?.EndsWith(nameEnd, StringComparison.Ordinal) == true);

    private static string? Summary(PrescriptionCourse c)
    {
        var parts = new[] { c.Dose, c.Usage, c.DaysSupply is { } d ? $"{d}日分" : null }.Where(p => p is not null);
        var text = string.Join(" / ", parts);
        return text.Length > 0 ? text : null;
    }
}
