namespace KMN.Orleans.Web.Chart;

/// <summary>
/// A prescription as a course of days: a MedicationRequest (prescriber) joined with its MedicationDispense
/// (pharmacy) when both arrived, or either one alone. <see cref="DaysSupply"/> drives the calendar bars.
/// </summary>
public sealed record PrescriptionCourse(
    string Drug,
    string? DrugCode,
    string? Dose,
    string? Usage,
    ChartDate Start,
    int? DaysSupply,
    FacilityRef Prescriber,
    FacilityRef? Pharmacy,
    ChartDate Dispensed,
    DetailRef Source)
{
    /// <summary>Same drug across facilities: the code when sent, else the name without spaces.</summary>
    public string DrugKey => DrugCode ?? string.Concat(Drug.Where(c => !char.IsWhiteSpace(c)));

    public DateOnly? FirstDay => Start.Day ?? Dispensed.Day;

    public DateOnly? LastDay => FirstDay is { } first && DaysSupply is { } days && days > 0 ? first.AddDays(days - 1) : FirstDay;

    public bool Covers(DateOnly day) => FirstDay is { } first && LastDay is { } last && day >= first && day <= last;

    /// <summary>Who answers for this course: the prescriber, or the pharmacy when only its dispensing is known.</summary>
    public FacilityRef Facility => Prescriber.IsKnown ? Prescriber : Pharmacy ?? FacilityRef.Unknown;
}
