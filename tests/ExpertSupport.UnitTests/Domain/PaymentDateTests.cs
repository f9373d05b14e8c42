using System.Globalization;
using CsCheck;
using ExpertSupport.Domain.Payments;

namespace ExpertSupport.UnitTests.Domain;

public sealed class PaymentDateTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-03-05", "2026-04-10")] // +1 month = 4/5 → the 10th (a Friday)
    [InlineData("2026-03-10", "2026-04-10")] // +1 month lands on the 10th itself
    [InlineData("2026-03-11", "2026-04-20")] // just past the 10th → the 20th
    [InlineData("2026-03-21", "2026-04-30")] // past the 20th → month end
    [InlineData("2023-10-31", "2023-11-30")]
    [InlineData("2025-12-15", "2026-01-20")] // across the year
    public void The_payment_is_on_the_next_10th_20th_or_month_end_one_month_after_approval(string approved, string paid) =>
        Assert.Equal(D(paid), PaymentDate.For(D(approved)));

    [Theory]
    [InlineData("2025-01-31", "2025-02-28")] // 1/31 + 1 month is clamped to 2/28, the month end
    [InlineData("2024-01-31", "2024-02-29")] // leap year
    [InlineData("2026-01-31", "2026-02-27")] // 2/28 is a Saturday → Friday
    public void One_month_after_a_31st_is_the_end_of_a_shorter_month(string approved, string paid) =>
        Assert.Equal(D(paid), PaymentDate.For(D(approved)));

    [Theory]
    [InlineData("2026-04-07", "2026-05-10", "2026-05-08")] // Sunday → Friday
    [InlineData("2025-04-01", "2025-05-10", "2025-05-09")] // Saturday → Friday (after Golden Week)
    [InlineData("2026-08-20", "2026-09-20", "2026-09-18")] // Sunday, then the Saturday → Friday
    public void A_weekend_moves_the_payment_to_the_previous_business_day(string approved, string scheduled, string paid)
    {
        Assert.Equal(D(scheduled), PaymentDate.Scheduled(D(approved)));
        Assert.Equal(D(paid), PaymentDate.For(D(approved)));
    }

    [Theory]
    [InlineData("2021-12-10", "2022-01-10", "2022-01-07")] // 成人の日 (Monday) → Friday
    [InlineData("2026-06-20", "2026-07-20", "2026-07-17")] // 海の日
    [InlineData("2027-12-05", "2028-01-10", "2028-01-07")] // 成人の日
    public void A_holiday_moves_the_payment_to_the_previous_business_day(string approved, string scheduled, string paid)
    {
        Assert.Equal(D(scheduled), PaymentDate.Scheduled(D(approved)));
        Assert.Equal(D(paid), PaymentDate.For(D(approved)));
    }

    [Theory]
    [InlineData("2025-11-21", "2025-12-30")] // 12/31 is a Wednesday but banks are closed → 12/30
    [InlineData("2027-11-30", "2027-12-30")] // 12/31 a Friday → Thursday 12/30
    [InlineData("2028-11-30", "2028-12-29")] // 12/31 a Sunday, 12/30 a Saturday → Friday 12/29
    public void The_banks_year_end_closing_on_31_December_moves_the_payment_back(string approved, string paid) =>
        Assert.Equal(D(paid), PaymentDate.For(D(approved)));

    [Fact]
    public void A_payment_date_beyond_the_holiday_data_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PaymentDate.For(new DateOnly(2030, 12, 1)));

    [Fact]
    public void Every_payment_date_is_the_last_business_day_on_or_before_the_scheduled_day()
    {
        var first = new DateOnly(2020, 1, 1).DayNumber;
        var last = new DateOnly(2030, 11, 30).DayNumber;
        Gen.Int[first, last].Sample(dayNumber =>
        {
            var approved = DateOnly.FromDayNumber(dayNumber);
            var scheduled = PaymentDate.Scheduled(approved);
            var paid = PaymentDate.For(approved);
            var oneMonthLater = approved.AddMonths(1);
            var lastDay = DateTime.DaysInMonth(scheduled.Year, scheduled.Month);
            var onAPayDay = scheduled.Day == 10 || scheduled.Day == 20 || scheduled.Day == lastDay;
            var sameMonth = scheduled.Year == oneMonthLater.Year && scheduled.Month == oneMonthLater.Month;
            var nothingBetweenIsABusinessDay = Enumerable.Range(1, scheduled.DayNumber - paid.DayNumber)
                .All(offset => !BusinessDays.IsBusinessDay(paid.AddDays(offset)));
            return scheduled >= oneMonthLater && onAPayDay && sameMonth
                && BusinessDays.IsBusinessDay(paid) && paid <= scheduled && paid > approved
                && nothingBetweenIsABusinessDay;
        }, iter: 5000);
    }
}
