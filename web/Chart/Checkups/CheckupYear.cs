namespace KMN.Orleans.Web.Chart.Checkups;

/// <summary>One item of a health checkup (健診): value and, when the facility judged it, A–E.</summary>
public sealed record CheckupItem(string Key, string Name, string? Value, decimal? Numeric, string? Unit, string? Judgement, DetailRef Source);

/// <summary>One year's checkup: date, facility, items, overall judgement and the doctor's comment.</summary>
public sealed record CheckupYear(
    int? Year,
    ChartDate Date,
    FacilityRef Facility,
    IReadOnlyList<CheckupItem> Items,
    string? Overall,
    string? Comment,
    DetailRef Source);
