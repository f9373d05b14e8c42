using Cronos;
using ExpertSupport.Domain.Common;

namespace ExpertSupport.Application.Claims;

/// <summary>A claim period: from the previous closing (null when none in the last year) up to its closing, exclusive.</summary>
public sealed record ClaimPeriod(DateTimeOffset? Start, DateTimeOffset End);

/// <summary>
/// Claim periods from the round's cron (Asia/Tokyo). <b>A period closes at 00:00 Tokyo time on each day the cron
/// fires</b>; the job runs later that day at the cron's time (00:30 by default, a grace for transactions in flight).
/// With the default "30 0 1,16 * *" the closings are 00:00 on the 1st and the 16th: periods end with the 15th and with
/// the month's last day. A session belongs to the first period that closes after it became claimable
/// (<c>claimable_at &lt; closing</c>); anything claimable but not yet claimed when a period closes goes into it, so a
/// session that became claimable late, or a period the job missed, is taken by the next closing.
/// </summary>
public static class ClaimPeriods
{
    /// <summary>How far back and ahead a closing is looked for: any sensible schedule closes at least yearly.</summary>
    private const int SearchDays = 400;

    public static CronExpression Parse(string cron) => CronExpression.Parse(cron.Trim(), CronFormat.Standard);

    /// <summary>Whether the cron fires on this Tokyo day (so a period closes at its 00:00).</summary>
    public static bool FiresOn(CronExpression cron, DateOnly date)
    {
        var next = cron.GetNextOccurrence(JapanTime.StartOfDay(date), JapanTime.Zone, inclusive: true);
        return next is { } n && JapanTime.DateOf(n) == date;
    }

    public static bool IsClosing(CronExpression cron, DateTimeOffset instant)
    {
        var date = JapanTime.DateOf(instant);
        return instant == JapanTime.StartOfDay(date) && FiresOn(cron, date);
    }

    /// <summary>The latest closing at or before <paramref name="now"/>, or null when there was none in the last year.</summary>
    public static DateTimeOffset? LastClosing(CronExpression cron, DateTimeOffset now) => Closings(cron, now, 1).Cast<DateTimeOffset?>().FirstOrDefault();

    /// <summary>The last <paramref name="count"/> closings at or before <paramref name="now"/>, newest first.</summary>
    public static IReadOnlyList<DateTimeOffset> Closings(CronExpression cron, DateTimeOffset now, int count)
    {
        var found = new List<DateTimeOffset>();
        var today = JapanTime.DateOf(now);
        for (var d = 0; d <= SearchDays && found.Count < count; d++)
        {
            var date = today.AddDays(-d);
            if (FiresOn(cron, date)) found.Add(JapanTime.StartOfDay(date));
        }
        return found;
    }

    /// <summary>The period that ends at <paramref name="closing"/>.</summary>
    public static ClaimPeriod PeriodEndingAt(CronExpression cron, DateTimeOffset closing)
    {
        var previous = Closings(cron, JapanTime.StartOfDay(JapanTime.DateOf(closing).AddDays(-1)), 1);
        return new ClaimPeriod(previous.Count == 0 ? null : previous[0], closing);
    }

    /// <summary>The first closing after <paramref name="instant"/>: the end of the period a session claimable then belongs to.</summary>
    public static DateTimeOffset? NextClosing(CronExpression cron, DateTimeOffset instant)
    {
        var start = JapanTime.DateOf(instant).AddDays(1);
        for (var d = 0; d <= SearchDays; d++)
        {
            var date = start.AddDays(d);
            if (FiresOn(cron, date)) return JapanTime.StartOfDay(date);
        }
        return null;
    }
}
