using ExpertSupport.Domain.Reference;

namespace ExpertSupport.UnitTests.Domain;

public sealed class JapaneseHolidaysTests
{
    [Fact]
    public void The_data_covers_2020_to_2030_in_whole_years()
    {
        Assert.Equal(new DateOnly(2020, 1, 1), JapaneseHolidays.CoveredFrom);
        Assert.Equal(new DateOnly(2030, 12, 31), JapaneseHolidays.CoveredTo);
    }

    public static TheoryData<int> CoveredYears() => [.. Enumerable.Range(2020, 11)];

    [Theory]
    [MemberData(nameof(CoveredYears))]
    public void Every_year_of_the_data_is_exactly_what_the_law_gives(int year)
    {
        var expected = JapaneseHolidayRules.For(year).Select(kv => new JapaneseHoliday(kv.Key, kv.Value));
        var actual = JapaneseHolidays.Between(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        Assert.Equal(expected, actual);
    }

    [Theory]
    // Day counts of the Cabinet Office's published list (syukujitsu.csv) and of holiday_jp, checked when the data was made.
    [InlineData(2020, 18)]
    [InlineData(2021, 17)]
    [InlineData(2022, 16)]
    [InlineData(2023, 17)]
    [InlineData(2024, 21)]
    [InlineData(2025, 19)]
    [InlineData(2026, 18)]
    [InlineData(2027, 17)]
    [InlineData(2028, 16)]
    [InlineData(2029, 19)]
    [InlineData(2030, 19)]
    public void Each_year_has_the_published_number_of_days_off(int year, int days) =>
        Assert.Equal(days, JapaneseHolidays.Between(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)).Count);

    [Theory]
    [InlineData("2020-07-23", "海の日")] // Olympic opening: moved from 7/20
    [InlineData("2020-07-24", "スポーツの日")] // moved from 10/12; also the first year of the new name
    [InlineData("2020-08-10", "山の日")] // Olympic closing: moved from 8/11
    [InlineData("2021-07-22", "海の日")]
    [InlineData("2021-07-23", "スポーツの日")]
    [InlineData("2021-08-08", "山の日")]
    [InlineData("2021-08-09", "振替休日")] // 山の日 fell on a Sunday
    [InlineData("2020-02-23", "天皇誕生日")]
    [InlineData("2020-02-24", "振替休日")]
    [InlineData("2020-05-06", "振替休日")] // 憲法記念日 on a Sunday: 5/4 and 5/5 are holidays, so 5/6
    [InlineData("2023-01-02", "振替休日")]
    [InlineData("2024-09-22", "秋分の日")]
    [InlineData("2024-09-23", "振替休日")]
    [InlineData("2026-09-22", "国民の休日")] // between 敬老の日 9/21 and 秋分の日 9/23
    [InlineData("2027-03-21", "春分の日")]
    [InlineData("2027-03-22", "振替休日")]
    [InlineData("2028-09-22", "秋分の日")]
    [InlineData("2030-11-04", "振替休日")]
    public void Published_holidays_are_known_by_name(string date, string name)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(JapaneseHolidays.IsHoliday(day));
        Assert.Equal(name, JapaneseHolidays.NameOf(day));
    }

    [Theory]
    [InlineData("2020-10-12")] // スポーツの日 was moved to July in 2020
    [InlineData("2021-10-11")]
    [InlineData("2021-07-19")] // 海の日 was moved in 2021
    [InlineData("2021-08-11")]
    [InlineData("2025-12-31")] // a bank holiday, not a public holiday
    [InlineData("2026-01-02")]
    [InlineData("2026-05-07")]
    public void Ordinary_days_are_not_holidays(string date)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(JapaneseHolidays.IsHoliday(day));
        Assert.Null(JapaneseHolidays.NameOf(day));
    }

    [Fact]
    public void Between_includes_both_ends_in_date_order()
    {
        var goldenWeek = JapaneseHolidays.Between(new DateOnly(2025, 4, 29), new DateOnly(2025, 5, 6));
        Assert.Equal(
            ["2025-04-29 昭和の日", "2025-05-03 憲法記念日", "2025-05-04 みどりの日", "2025-05-05 こどもの日", "2025-05-06 振替休日"],
            goldenWeek.Select(h => $"{h.Date:yyyy-MM-dd} {h.Name}"));
        Assert.Empty(JapaneseHolidays.Between(new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 30)));
        Assert.Single(JapaneseHolidays.Between(new DateOnly(2030, 11, 4), new DateOnly(2030, 11, 4)));
    }

    [Fact]
    public void Between_refuses_a_range_that_ends_before_it_starts() =>
        Assert.Throws<ArgumentException>(() => JapaneseHolidays.Between(new DateOnly(2025, 5, 6), new DateOnly(2025, 5, 5)));

    [Theory]
    [InlineData("2019-12-31")]
    [InlineData("2031-01-01")]
    [InlineData("0001-01-01")]
    public void Days_outside_the_data_are_refused_not_answered_no(string date)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(JapaneseHolidays.Covers(day));
        Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseHolidays.IsHoliday(day));
        Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseHolidays.NameOf(day));
        Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseHolidays.Between(day, day));
    }

    [Fact]
    public void All_is_sorted_without_repeats_and_only_weekday_substitutes()
    {
        var all = JapaneseHolidays.All;
        Assert.Equal(197, all.Count);
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Date < p.Second.Date));
        Assert.All(all.Where(h => h.Name == "振替休日"), h => Assert.NotEqual(DayOfWeek.Sunday, h.Date.DayOfWeek));
    }
}
