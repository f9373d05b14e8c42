using System.Globalization;
using ExpertSupport.Application.Availability;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Experts;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reference;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Bookings;

/// <summary>One day of the expert's week: the open hours (Tokyo, "09:00–12:00"), the holiday, and the sessions.</summary>
public sealed record ExpertDay(DateOnly Date, string? HolidayName, IReadOnlyList<string> OpenHours, IReadOnlyList<BookingRow> Bookings);

/// <summary>The expert's calendar for the week starting on <paramref name="Monday"/>, with every request still waiting for an answer.</summary>
public sealed record ExpertWeek(DateOnly Monday, IReadOnlyList<ExpertDay> Days, IReadOnlyList<BookingRow> WaitingRequests, bool HasAvailability);

/// <summary>The signed-in expert's week (Monday to Sunday, Tokyo) containing <paramref name="Date"/> (default today). Null for a non-expert.</summary>
[ExpertOnly]
public sealed record GetExpertWeekQuery(DateOnly? Date = null) : IQuery<ExpertWeek?>;

public sealed class GetExpertWeekHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetExpertWeekQuery, ExpertWeek?>
{
    public async ValueTask<ExpertWeek?> Handle(GetExpertWeekQuery q, CancellationToken ct)
    {
        var expertId = await db.Experts.AsNoTracking().OwnedBy(user).Select(e => (Guid?)e.Id).SingleOrDefaultAsync(ct);
        if (expertId is null) return null;
        var date = q.Date ?? JapanTime.Today(clock);
        var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
        var (from, to) = (JapanTime.StartOfDay(monday), JapanTime.StartOfDay(monday.AddDays(7)));

        var availability = await db.ExpertAvailabilities.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(a => a.ExpertId == expertId, ct);
        // Cancelled, declined and expired requests stay in the lists but not in the calendar: they hold no time.
        var week = await BookingRows.Project(db, db.Bookings.AsNoTracking()
                .Where(b => b.ExpertId == expertId && b.StartAt < to && b.EndAt > from
                    && b.Status != BookingStatus.Cancelled && b.Status != BookingStatus.Declined && b.Status != BookingStatus.Expired)
                .OrderBy(b => b.StartAt))
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var waiting = await BookingRows.Project(db, db.Bookings.AsNoTracking()
                .Where(b => b.ExpertId == expertId && b.Status == BookingStatus.Requested && b.StartAt > now)
                .OrderBy(b => b.ExpiresAt))
            .ToListAsync(ct);

        var days = Enumerable.Range(0, 7).Select(i =>
        {
            var day = monday.AddDays(i);
            var (start, end) = (JapanTime.StartOfDay(day), JapanTime.StartOfDay(day.AddDays(1)));
            var open = availability?.OpenWindows(day, day)
                .Select(w => Hours(w.Start < start ? start : w.Start, w.End > end ? end : w.End, end)).ToList() ?? [];
            return new ExpertDay(day, JapaneseHolidays.Covers(day) ? JapaneseHolidays.NameOf(day) : null, open,
                [.. week.Where(b => JapanTime.DateOf(b.Start) == day)]);
        }).ToList();
        return new ExpertWeek(monday, days, waiting, availability is not null && availability.Weekly.Count > 0);
    }

    private static string Hours(DateTimeOffset start, DateTimeOffset end, DateTimeOffset midnight) =>
        string.Create(CultureInfo.InvariantCulture, $"{JapanTime.ToTokyo(start):HH:mm}–{(end == midnight ? "24:00" : JapanTime.ToTokyo(end).ToString("HH:mm", CultureInfo.InvariantCulture))}");
}
