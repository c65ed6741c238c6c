using System.Globalization;

namespace KMN.Orleans.Web.Chart.Labs;

public sealed record PlotPoint(double X, double Y, LabResult Result, int FacilityIndex);

public sealed record AxisTick(double Position, string Label);

/// <summary>
/// Pixel geometry of a trend chart, computed in C# so the SVG component only draws and the scales can be tested:
/// time on x, value on y (padded to include the reference band), one point per value.
/// </summary>
public sealed record LabChartLayout(
    double Width,
    double Height,
    IReadOnlyList<PlotPoint> Points,
    string LinePath,
    (double Top, double Bottom)? Band,
    IReadOnlyList<AxisTick> YTicks,
    IReadOnlyList<AxisTick> XTicks)
{
    public const double Left = 56, Right = 16, Top = 12, Bottom = 28;

    public double PlotWidth => Width - Left - Right;
    public double PlotHeight => Height - Top - Bottom;

    public static LabChartLayout Compute(LabTrend trend, IReadOnlyList<FacilityRef> facilityOrder, double width = 720, double height = 240)
    {
        var values = trend.Points.Select(p => (double)p.Value!.Value).ToList();
        var bounds = values.Concat(new[] { trend.Band?.Low, trend.Band?.High }.OfType<decimal>().Select(d => (double)d)).ToList();
        var (yMin, yMax) = Pad(bounds.DefaultIfEmpty(0).Min(), bounds.DefaultIfEmpty(1).Max());
        var times = trend.Points.Select(p => p.Date.Instant!.Value.UtcTicks).ToList();
        var (tMin, tMax) = times.Count == 0 ? (0L, 1L) : (times.Min(), times.Max());
        if (tMax - tMin < TimeSpan.TicksPerDay * 30)
            (tMin, tMax) = (tMin - TimeSpan.TicksPerDay * 15, tMax + TimeSpan.TicksPerDay * 15);
        var edge = (tMax - tMin) / 25; // keeps the first and last points off the axes
        (tMin, tMax) = (tMin - edge, tMax + edge);

        var plotW = width - Left - Right;
        var plotH = height - Top - Bottom;
        double X(long t) => Left + (t - tMin) / (double)(tMax - tMin) * plotW;
        double Y(double v) => Top + (yMax - v) / (yMax - yMin) * plotH;

        var points = trend.Points.Select(p => new PlotPoint(X(p.Date.Instant!.Value.UtcTicks), Y((double)p.Value!.Value), p,
            Math.Max(0, IndexOf(facilityOrder, p.Facility)))).ToList();
        var path = string.Join(" ", points.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{(i == 0 ? 'M' : 'L')}{p.X:0.#},{p.Y:0.#}")));
        (double, double)? band = trend.Band is { } b
            ? (Y(b.High is { } h ? (double)h : yMax), Y(b.Low is { } l ? (double)l : yMin))
            : null;
        var yTicks = NiceTicks(yMin, yMax).Select(v => new AxisTick(Y(v), v.ToString("0.##", CultureInfo.InvariantCulture))).ToList();
        var xTicks = TimeTicks(new DateTime(tMin, DateTimeKind.Utc), new DateTime(tMax, DateTimeKind.Utc))
            .Select(t => new AxisTick(X(t.Date.Ticks), t.Label)).ToList();
        return new LabChartLayout(width, height, points, path, band, yTicks, xTicks);
    }

    private static int IndexOf(IReadOnlyList<FacilityRef> order, FacilityRef facility)
    {
        for (var i = 0; i < order.Count; i++)
            if (order[i].Key == facility.Key)
                return i;
        return -1;
    }

    private static (double, double) Pad(double min, double max)
    {
        if (max - min < 1e-9)
            (min, max) = (min - Math.Max(1, Math.Abs(min) * 0.1), max + Math.Max(1, Math.Abs(max) * 0.1));
        var pad = (max - min) * 0.1;
        return (min - pad, max + pad);
    }

    /// <summary>About five round values (steps of 1, 2 or 5 times a power of ten) inside [min, max].</summary>
    public static IReadOnlyList<double> NiceTicks(double min, double max)
    {
        var raw = (max - min) / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        var ticks = new List<double>();
        for (var v = Math.Ceiling(min / step) * step; v <= max + step * 1e-9; v += step)
            ticks.Add(Math.Round(v, 10));
        return ticks;
    }

    /// <summary>Year marks for long spans, month marks (at most about eight) for short ones.</summary>
    private static IEnumerable<(DateTime Date, string Label)> TimeTicks(DateTime from, DateTime to)
    {
        var japan = TimeSpan.FromHours(9);
        var (start, end) = (from + japan, to + japan);
        if ((end - start).TotalDays > 730)
        {
            for (var y = start.Year + 1; y <= end.Year; y++)
                yield return (new DateTime(y, 1, 1, 0, 0, 0, DateTimeKind.Utc) - japan, y.ToString(CultureInfo.InvariantCulture));
            yield break;
        }
        var months = (end.Year - start.Year) * 12 + end.Month - start.Month + 1;
        var every = Math.Max(1, (int)Math.Ceiling(months / 8.0));
        var month = new DateTime(start.Year, start.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
        for (var i = 0; month <= end; month = month.AddMonths(1), i++)
            if (i % every == 0)
                yield return (month - japan, month.ToString("yyyy/MM", CultureInfo.InvariantCulture));
    }
}
