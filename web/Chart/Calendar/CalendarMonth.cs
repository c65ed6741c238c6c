namespace KMN.Orleans.Web.Chart.Calendar;

/// <summary>
/// A prescription's bar on one day, in a fixed lane so a course's bar lines up across the week.
/// <see cref="Duplicate"/>: the course duplicates another facility's; <see cref="Overlap"/>: and on this very day both run.
/// </summary>
public sealed record CoverageSegment(PrescriptionCourse Course, bool Duplicate, bool Overlap, bool Starts);

/// <summary>One cell of the month grid: visits that day, and a slot per lane (null where no course runs).</summary>
public sealed record CalendarDay(DateOnly Date, bool InMonth, IReadOnlyList<FacilityRef> Visits, IReadOnlyList<CoverageSegment?> Lanes);

/// <summary>
/// A month as a grid of weeks starting on Sunday (as Japanese calendars do): visit days per facility and the
/// days each prescription covers (start + days supply), duplicates across facilities marked.
/// </summary>
public sealed record CalendarMonth(int Year, int Month, IReadOnlyList<CalendarDay> Days, int DuplicateCount)
{
    /// <param name="duplicates">From <see cref="DuplicatePrescriptions.Find"/>, computed once per chart by the caller.</param>
    public static CalendarMonth Build(int year, int month, PatientChart chart, IReadOnlySet<DetailRef>? duplicates = null)
    {
        var first = new DateOnly(year, month, 1);
        var gridStart = first.AddDays(-(int)first.DayOfWeek);
        var last = first.AddMonths(1).AddDays(-1);
        var gridEnd = last.AddDays(6 - (int)last.DayOfWeek);

        duplicates ??= DuplicatePrescriptions.Find(chart.Prescriptions);
        var courses = chart.Prescriptions.Where(c => c.FirstDay <= gridEnd && c.LastDay >= gridStart)
            .OrderBy(c => c.FirstDay).ThenBy(c => c.Drug, StringComparer.Ordinal).ToList();
        var lanes = AssignLanes(courses);
        var visits = chart.Visits.Where(v => v.Day >= gridStart && v.Day <= gridEnd).ToLookup(v => v.Day);

        var days = new List<CalendarDay>();
        for (var day = gridStart; day <= gridEnd; day = day.AddDays(1))
        {
            var slots = new CoverageSegment?[lanes.Count == 0 ? 0 : lanes.Values.Max() + 1];
            var running = courses.Where(c => c.Covers(day)).ToList();
            // Drugs that two facilities' duplicate courses both cover today.
            var overlapping = running.Where(c => duplicates.Contains(c.Source)).GroupBy(c => c.DrugKey)
                .Where(g => g.Select(c => c.Facility.Key).Distinct().Count() > 1).Select(g => g.Key).ToHashSet();
            foreach (var course in running)
            {
                var starts = day == course.FirstDay || day.DayOfWeek == DayOfWeek.Sunday || day == gridStart;
                slots[lanes[course.Source]] = new CoverageSegment(course, duplicates.Contains(course.Source),
                    overlapping.Contains(course.DrugKey), starts);
            }
            days.Add(new CalendarDay(day, day.Month == month, [.. visits[day].Select(v => v.Facility).DistinctBy(f => f.Key)], slots));
        }
        var shown = courses.Count(c => duplicates.Contains(c.Source));
        return new CalendarMonth(year, month, days, shown);
    }

    /// <summary>Greedy interval colouring: a course takes the lowest lane free since its first day.</summary>
    private static Dictionary<DetailRef, int> AssignLanes(List<PrescriptionCourse> courses)
    {
        var laneEnds = new List<DateOnly>();
        var result = new Dictionary<DetailRef, int>();
        foreach (var course in courses)
        {
            var lane = laneEnds.FindIndex(end => end < course.FirstDay!.Value);
            if (lane < 0)
            {
                lane = laneEnds.Count;
                laneEnds.Add(course.LastDay!.Value);
            }
            else
            {
                laneEnds[lane] = course.LastDay!.Value;
            }
            result[course.Source] = lane;
        }
        return result;
    }

    /// <summary>The month to open first: the latest month with a visit or a prescription, else this month.</summary>
    public static (int Year, int Month) Initial(PatientChart chart, DateOnly today)
    {
        var latest = chart.Visits.Select(v => (DateOnly?)v.Day).Concat(chart.Prescriptions.Select(p => p.FirstDay))
            .Where(d => d <= today).Max();
        var day = latest ?? today;
        return (day.Year, day.Month);
    }
}
