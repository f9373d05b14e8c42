using System.Globalization;
using ExpertSupport.Domain.Payments;

namespace ExpertSupport.UnitTests.Domain;

public sealed class BusinessDaysTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-05-01", true)] // Friday before Golden Week
    [InlineData("2026-05-02", false)] // Saturday
    [InlineData("2026-05-03", false)] // Sunday and 憲法記念日
    [InlineData("2026-05-06", false)] // 振替休日
    [InlineData("2026-09-22", false)] // 国民の休日
    [InlineData("2026-05-07", true)]
    [InlineData("2025-12-31", false)] // Wednesday, banks closed 12/31–1/3
    [InlineData("2026-01-02", false)] // Friday, banks closed
    [InlineData("2027-01-04", true)] // the first business day of 2027
    [InlineData("2025-12-30", true)]
    public void Weekends_holidays_and_the_banks_year_end_are_not_business_days(string date, bool expected) =>
        Assert.Equal(expected, BusinessDays.IsBusinessDay(D(date)));

    [Theory]
    [InlineData("2026-05-07", "2026-05-01")] // back over Golden Week
    [InlineData("2026-05-01", "2026-04-30")]
    [InlineData("2026-01-05", "2025-12-30")] // back over the year end
    [InlineData("2026-09-24", "2026-09-18")] // back over the 2026 Silver Week: 9/19–9/23
    public void The_previous_business_day_is_strictly_before(string date, string previous) =>
        Assert.Equal(D(previous), BusinessDays.PreviousBusinessDay(D(date)));

    [Theory]
    [InlineData("2026-05-01", "2026-05-07")]
    [InlineData("2025-12-30", "2026-01-05")]
    public void The_next_business_day_is_strictly_after(string date, string next) =>
        Assert.Equal(D(next), BusinessDays.NextBusinessDay(D(date)));

    [Theory]
    [InlineData("2026-05-07", "2026-05-07")]
    [InlineData("2026-05-05", "2026-05-01")]
    public void On_or_before_keeps_a_business_day_and_moves_any_other_day_back(string date, string expected) =>
        Assert.Equal(D(expected), BusinessDays.OnOrBefore(D(date)));

    [Fact]
    public void Outside_the_holiday_data_business_days_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BusinessDays.IsBusinessDay(new DateOnly(2031, 1, 6)));
}
