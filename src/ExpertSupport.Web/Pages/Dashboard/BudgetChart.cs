using System.Globalization;
using System.Text;
using ExpertSupport.Application.Dashboard;
using ExpertSupport.Domain.Common;

namespace ExpertSupport.Web.Pages.Dashboard;

/// <summary>A tick of an axis: where it sits (SVG units) and the value it stands for.</summary>
public sealed record ChartTick<T>(double At, T Value);

/// <summary>
/// The budget chart as SVG geometry, computed on the server: cumulative used (area), reserved stacked on it (area),
/// and the budget as a horizontal line. Values are step functions (a total holds until the next day it moves) and are
/// carried to <see cref="BudgetChart.Build"/>'s end date. The view only writes these numbers into SVG attributes, so
/// the page needs no script and no inline style (CSP default-src 'self').
/// </summary>
public sealed record BudgetChartModel(
    int Width, int Height, double Left, double Top, double Right, double Bottom,
    string UsedArea, string ReservedArea, string TotalLine, double BudgetY, long YMax,
    IReadOnlyList<ChartTick<DateOnly>> XTicks, IReadOnlyList<ChartTick<Yen>> YTicks, bool IsEmpty);

public static class BudgetChart
{
    public const int Width = 760;
    public const int Height = 300;
    private const double Left = 118, Top = 14, Right = Width - 14, Bottom = Height - 34;

    /// <param name="points">Cumulative totals by day, in date order (as the dashboard query returns them).</param>
    /// <param name="from">The first day on the x axis (the round's start, or the first movement if earlier).</param>
    /// <param name="to">The last day (today, within the round; or the last movement if later).</param>
    public static BudgetChartModel Build(IReadOnlyList<BudgetPoint> points, Yen budget, DateOnly from, DateOnly to)
    {
        if (points.Count > 0)
        {
            if (points[0].Date < from) from = points[0].Date;
            if (points[^1].Date > to) to = points[^1].Date;
        }
        if (to < from) to = from;
        var peak = points.Count == 0 ? 0 : points.Max(p => p.Used.Value + Math.Max(0, p.Reserved.Value));
        var yMax = NiceCeiling(Math.Max(Math.Max(budget.Value, peak), 1));
        var days = Math.Max(1, to.DayNumber - from.DayNumber + 1);

        // A day occupies [its start, the next day's start): a total reached on day d shows from d onwards.
        double X(DateOnly d) => Left + (Right - Left) * (d.DayNumber - from.DayNumber) / days;
        double Y(long v) => Bottom - (Bottom - Top) * Math.Clamp((double)v, 0, yMax) / yMax;

        var used = Steps(points, p => p.Used.Value, X, Y, to);
        var total = Steps(points, p => p.Used.Value + Math.Max(0, p.Reserved.Value), X, Y, to);
        return new BudgetChartModel(Width, Height, Left, Top, Right, Bottom,
            UsedArea: Area(used, [], Bottom),
            ReservedArea: Area(total, used, Bottom),
            TotalLine: Join(total),
            BudgetY: Y(budget.Value), YMax: yMax,
            XTicks: [.. MonthTicks(from, to).Select(d => new ChartTick<DateOnly>(X(d), d))],
            YTicks: [.. Enumerable.Range(0, 5).Select(i => yMax / 4 * i).Select(v => new ChartTick<Yen>(Y(v), new Yen(v)))],
            IsEmpty: points.Count == 0);
    }

    /// <summary>
    /// The top of the y axis: four times the smallest round step (1, 2, 2.5 or 5 × 10ⁿ yen) that reaches
    /// <paramref name="value"/> in four steps, so every gridline is a whole, readable amount.
    /// </summary>
    public static long NiceCeiling(long value)
    {
        var needed = (Math.Max(value, 1) + 3) / 4;
        for (var magnitude = 1L; ; magnitude *= 10)
        {
            if (magnitude >= needed) return 4 * magnitude;
            if (2 * magnitude >= needed) return 8 * magnitude;
            if (magnitude >= 10 && 5 * magnitude / 2 >= needed) return 10 * magnitude;
            if (5 * magnitude >= needed) return 20 * magnitude;
        }
    }

    /// <summary>The first of each month inside the range, thinned to at most seven labels; the start if no month begins inside.</summary>
    public static IEnumerable<DateOnly> MonthTicks(DateOnly from, DateOnly to)
    {
        var months = new List<DateOnly>();
        for (var d = new DateOnly(from.Year, from.Month, 1); d <= to; d = d.AddMonths(1))
            if (d >= from) months.Add(d);
        if (months.Count == 0) return [from];
        var every = (months.Count + 6) / 7;
        return months.Where((_, i) => i % every == 0);
    }

    private static List<(double X, double Y)> Steps(IReadOnlyList<BudgetPoint> points, Func<BudgetPoint, long> value,
        Func<DateOnly, double> x, Func<long, double> y, DateOnly to)
    {
        var line = new List<(double, double)>();
        if (points.Count == 0) return line;
        line.Add((x(points[0].Date), y(0)));
        for (var i = 0; i < points.Count; i++)
        {
            var at = x(points[i].Date);
            var v = y(value(points[i]));
            var next = i + 1 < points.Count ? x(points[i + 1].Date) : x(to.AddDays(1));
            line.Add((at, v));
            line.Add((next, v));
        }
        return line;
    }

    /// <summary>A closed polygon between <paramref name="upper"/> and <paramref name="lower"/> (the baseline when empty).</summary>
    private static string Area(List<(double X, double Y)> upper, List<(double X, double Y)> lower, double baseline)
    {
        if (upper.Count == 0) return "";
        IEnumerable<(double X, double Y)> back = lower.Count > 0
            ? Enumerable.Reverse(lower)
            : [(upper[^1].X, baseline), (upper[0].X, baseline)];
        return Join(upper.Concat(back));
    }

    private static string Join(IEnumerable<(double X, double Y)> points)
    {
        var sb = new StringBuilder();
        foreach (var (x, y) in points)
            sb.Append(CultureInfo.InvariantCulture, $"{(sb.Length == 0 ? "" : " ")}{x:0.#},{y:0.#}");
        return sb.ToString();
    }
}
