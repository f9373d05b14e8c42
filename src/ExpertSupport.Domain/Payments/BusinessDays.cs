using ExpertSupport.Domain.Reference;

namespace ExpertSupport.Domain.Payments;

/// <summary>
/// Bank business days (銀行営業日) in Japan: not a Saturday or Sunday, not a public holiday
/// (<see cref="JapaneseHolidays"/>), and not one of the banks' year-end days 12/31–1/3. The banks close on those
/// by law (銀行法施行令 第5条), so no transfer can be paid then even where 1/2, 1/3 and 12/31 are not holidays.
/// Dates outside the holiday data's years throw (see <see cref="JapaneseHolidays.CoveredFrom"/>).
/// </summary>
public static class BusinessDays
{
    /// <summary>12/31, 1/1, 1/2 and 1/3: banks are closed whatever the weekday.</summary>
    public static bool IsBankYearEndHoliday(DateOnly date) =>
        date is { Month: 12, Day: 31 } or { Month: 1, Day: <= 3 };

    public static bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !IsBankYearEndHoliday(date)
        && !JapaneseHolidays.IsHoliday(date);

    /// <summary>The last business day strictly before <paramref name="date"/>.</summary>
    public static DateOnly PreviousBusinessDay(DateOnly date) => OnOrBefore(date.AddDays(-1));

    /// <summary>The first business day strictly after <paramref name="date"/>.</summary>
    public static DateOnly NextBusinessDay(DateOnly date) => OnOrAfter(date.AddDays(1));

    /// <summary><paramref name="date"/> itself when it is a business day, otherwise the business day before it.</summary>
    public static DateOnly OnOrBefore(DateOnly date)
    {
        while (!IsBusinessDay(date)) date = date.AddDays(-1);
        return date;
    }

    /// <summary><paramref name="date"/> itself when it is a business day, otherwise the business day after it.</summary>
    public static DateOnly OnOrAfter(DateOnly date)
    {
        while (!IsBusinessDay(date)) date = date.AddDays(1);
        return date;
    }
}
