using System.Globalization;
using ExpertSupport.Application.Dashboard;
using ExpertSupport.Domain.Common;
using ExpertSupport.Web.Pages.Dashboard;

namespace ExpertSupport.UnitTests.Web;

public sealed class BudgetChartTests
{
    private static readonly DateOnly Start = new(2026, 4, 1);
    private static readonly DateOnly End = new(2027, 3, 31);

    private static (double X, double Y)[] Points(string polygon) =>
        [.. polygon.Split(' ').Select(p => p.Split(',')).Select(p => (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture)))];

    [Theory]
    [InlineData(1, 4)]
    [InlineData(7_000, 8_000)]
    [InlineData(1_000_000_000, 1_000_000_000)]
    [InlineData(1_000_000_001, 2_000_000_000)]
    [InlineData(30_000, 40_000)]
    [InlineData(99, 100)]
    public void The_y_axis_ends_at_a_round_amount_divisible_into_four_steps(long value, long top)
    {
        Assert.Equal(top, BudgetChart.NiceCeiling(value));
        Assert.Equal(0, BudgetChart.NiceCeiling(value) % 4);
    }

    [Fact]
    public void The_budget_line_sits_at_the_top_when_nothing_exceeds_it_and_amounts_scale_linearly()
    {
        var chart = BudgetChart.Build([new(Start, new Yen(250_000_000), new Yen(0)), new(Start.AddDays(10), new Yen(500_000_000), new Yen(250_000_000))], new Yen(1_000_000_000), Start, End);

        Assert.Equal(1_000_000_000, chart.YMax);
        Assert.Equal(chart.Top, chart.BudgetY, 3);
        var used = Points(chart.UsedArea);
        var height = chart.Bottom - chart.Top;
        // The first step: a quarter of the axis from the first day; the last value runs to the right edge.
        Assert.Contains(used, p => Math.Abs(p.X - chart.Left) < 0.1 && Math.Abs(p.Y - (chart.Bottom - height / 4)) < 0.1);
        Assert.Contains(used, p => Math.Abs(p.X - chart.Right) < 0.1 && Math.Abs(p.Y - (chart.Bottom - height / 2)) < 0.1);
        var total = Points(chart.TotalLine);
        Assert.Equal(chart.Bottom - height * 3 / 4, total[^1].Y, 1);
        Assert.Equal([0L, 250_000_000L, 500_000_000L, 750_000_000L, 1_000_000_000L], chart.YTicks.Select(t => t.Value.Value));
        Assert.All(Points(chart.ReservedArea), p => Assert.InRange(p.Y, chart.Top - 0.1, chart.Bottom + 0.1));
        Assert.False(chart.IsEmpty);
    }

    [Fact]
    public void Use_over_the_budget_stretches_the_axis_and_the_budget_line_drops_below_the_top()
    {
        var chart = BudgetChart.Build([new(Start, new Yen(1_500), new Yen(500))], new Yen(1_000), Start, Start.AddDays(30));

        Assert.Equal(2_000, chart.YMax);
        Assert.Equal(chart.Bottom - (chart.Bottom - chart.Top) / 2, chart.BudgetY, 3);
    }

    [Fact]
    public void No_data_draws_the_axes_and_the_budget_line_only()
    {
        var chart = BudgetChart.Build([], new Yen(1_000_000), Start, Start);

        Assert.True(chart.IsEmpty);
        Assert.Equal("", chart.UsedArea);
        Assert.Equal("", chart.ReservedArea);
        Assert.Equal("", chart.TotalLine);
        Assert.Equal(chart.Top, chart.BudgetY, 3);
        Assert.Equal(5, chart.YTicks.Count);
        Assert.Equal(Start, Assert.Single(chart.XTicks).Value);
    }

    [Fact]
    public void One_point_on_a_one_day_axis_fills_the_whole_width()
    {
        var chart = BudgetChart.Build([new(Start, new Yen(400), new Yen(0))], new Yen(800), Start, Start);

        var used = Points(chart.UsedArea);
        Assert.Equal(chart.Left, used.Min(p => p.X), 1);
        Assert.Equal(chart.Right, used.Max(p => p.X), 1);
        Assert.Equal(chart.Bottom - (chart.Bottom - chart.Top) / 2, used.Min(p => p.Y), 1);
        Assert.All(used, p => Assert.False(double.IsNaN(p.X) || double.IsNaN(p.Y)));
    }

    [Fact]
    public void Movement_before_the_round_starts_widens_the_axis_instead_of_falling_off_it()
    {
        var chart = BudgetChart.Build([new(Start.AddDays(-3), new Yen(100), new Yen(100))], new Yen(1_000), Start, Start.AddDays(10));

        Assert.Equal(chart.Left, Points(chart.UsedArea).Min(p => p.X), 1);
    }

    [Fact]
    public void Month_ticks_start_each_month_and_thin_out_over_a_year()
    {
        var ticks = BudgetChart.MonthTicks(Start, End).ToList();

        Assert.Equal(Start, ticks[0]);
        Assert.InRange(ticks.Count, 4, 7);
        Assert.All(ticks, d => Assert.Equal(1, d.Day));
    }
}
