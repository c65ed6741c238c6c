using KMN.Orleans.Grains.Abstractions.Patients;
using KMN.Orleans.Web.Chart.Search;

namespace KMN.Orleans.Web.Chart.Calendar;

/// <summary>
/// Courses of the same drug from different facilities whose days overlap: the 重複投薬 a shared record exists to
/// catch. Same drug means the same code, or the same name when facilities code differently. Overlaps within one
/// facility are refills and are not flagged.
/// </summary>
public static class DuplicatePrescriptions
{
    public static IReadOnlySet<DetailRef> Find(IEnumerable<PrescriptionCourse> courses)
    {
        // Names are folded once: a ten-year history has a thousand courses and this compares every pair.
        var dated = courses.Where(c => c.FirstDay is not null && c.Facility.IsKnown)
            .Select(c => (Course: c, Name: NameNormalizer.Normalize(c.Drug))).ToList();
        var duplicates = new HashSet<DetailRef>();
        for (var i = 0; i < dated.Count; i++)
        {
            for (var j = i + 1; j < dated.Count; j++)
            {
                var (a, b) = (dated[i].Course, dated[j].Course);
                var sameDrug = (a.DrugCode is not null && a.DrugCode == b.DrugCode) || dated[i].Name == dated[j].Name;
                if (sameDrug && a.Facility.Key != b.Facility.Key && Overlap(a, b))
                {
                    duplicates.Add(a.Source);
                    duplicates.Add(b.Source);
                }
            }
        }
        return duplicates;
    }

    private static bool Overlap(PrescriptionCourse a, PrescriptionCourse b) =>
        a.FirstDay <= b.LastDay && b.FirstDay <= a.LastDay;
}
