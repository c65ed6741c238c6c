namespace KMN.Orleans.Web.Chart;

/// <summary>Age in completed years on a given day (a 29 February birthday counts on 28 February in other years).</summary>
public static class Age
{
    public static int? On(DateOnly birth, DateOnly today)
    {
        if (today < birth)
            return null;
        var years = today.Year - birth.Year;
        return birth.AddYears(years) > today ? years - 1 : years;
    }
}
