namespace ExpertSupport.Domain.Payments;

/// <summary>
/// When the 事務局 pays an approved claim (DESIGN.md step 8): "one month after approval, on the next 10th, 20th or
/// month end; a weekend or holiday moves it to the previous business day". Read precisely:
/// <list type="number">
/// <item>approval date (Asia/Tokyo) + 1 month, clamped to the month's last day (1/31 → 2/28 or 2/29);</item>
/// <item>the first of the 10th, the 20th or the last day of that month that is on or after it (the last day
/// always is, so the date never leaves that month);</item>
/// <item>if that is not a bank business day (<see cref="BusinessDays"/>: weekends, holidays, 12/31–1/3),
/// the business day before it.</item>
/// </list>
/// Example: approved 2026-04-07 → 2026-05-07 → the 10th is a Sunday → paid Friday 2026-05-08.
/// </summary>
public static class PaymentDate
{
    /// <summary>The payment date for a batch approved on <paramref name="approvalDate"/> (a Tokyo calendar day).</summary>
    public static DateOnly For(DateOnly approvalDate) => BusinessDays.OnOrBefore(Scheduled(approvalDate));

    /// <summary>The 10th, 20th or month end one month after approval, before moving off weekends and holidays.</summary>
    public static DateOnly Scheduled(DateOnly approvalDate)
    {
        var oneMonthLater = approvalDate.AddMonths(1);
        var day = oneMonthLater.Day switch
        {
            <= 10 => 10,
            <= 20 => 20,
            _ => DateTime.DaysInMonth(oneMonthLater.Year, oneMonthLater.Month),
        };
        return new DateOnly(oneMonthLater.Year, oneMonthLater.Month, day);
    }
}
