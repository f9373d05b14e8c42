using System.Globalization;
using ExpertSupport.Domain.Common;
using ExpertSupport.Web.Localization;

namespace ExpertSupport.UnitTests.Web;

public sealed class FormattingTests
{
    [Fact]
    public void Dates_are_shown_the_Japanese_way_in_Tokyo_time()
    {
        using var _ = new UiCulture("ja-JP");
        Assert.Equal("2026年11月24日", Fmt.Date(new DateOnly(2026, 11, 24)));
        // 2026-11-24 15:10 UTC is already the 25th in Tokyo.
        Assert.Equal("2026年11月25日", Fmt.Date(new DateTimeOffset(2026, 11, 24, 15, 10, 0, TimeSpan.Zero)));
        Assert.Equal("00:10", Fmt.Time(new DateTimeOffset(2026, 11, 24, 15, 10, 0, TimeSpan.Zero)));
        Assert.Equal("2026年11月24日(火)", Fmt.DateWithWeekday(new DateOnly(2026, 11, 24)));
        Assert.Equal("1時間30分", Fmt.Duration(90));
    }

    [Fact]
    public void English_uses_day_month_year()
    {
        using var _ = new UiCulture("en");
        Assert.Equal("24 Nov 2026", Fmt.Date(new DateOnly(2026, 11, 24)));
        Assert.Equal("1 h 30 min", Fmt.Duration(90));
    }

    [Fact]
    public void A_claim_period_is_named_by_the_days_it_covers_not_by_the_midnight_after_it()
    {
        using var _ = new UiCulture("ja-JP");
        var start = JapanTime.At(new DateOnly(2026, 11, 16), TimeOnly.MinValue);
        var end = JapanTime.At(new DateOnly(2026, 12, 1), TimeOnly.MinValue);
        Assert.Equal("2026年11月30日", Fmt.LastDay(end));
        Assert.Equal("2026年11月16日〜2026年11月30日", Fmt.Period(start, end));
        Assert.Equal("〜2026年11月30日", Fmt.Period(null, end));
        // A period closed by hand at 14:00 still covers that day.
        Assert.Equal("2026年12月1日", Fmt.LastDay(end.AddHours(14)));
    }

    [Fact]
    public void Yen_is_whole_yen_with_separators() => Assert.Equal("¥12,345", Fmt.Yen(new Yen(12345)));

    private sealed class UiCulture : IDisposable
    {
        private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

        public UiCulture(string name) => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

        public void Dispose() => CultureInfo.CurrentUICulture = _previous;
    }
}
