using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Experts;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Availability;

/// <summary>One weekly range as the API and the form carry it: day and "HH:mm" times (end "24:00" for midnight).</summary>
public sealed record WeeklyRangeInput(DayOfWeek Day, string? Start, string? End);

public sealed record AvailabilityExceptionView(Guid Id, DateOnly Date, AvailabilityExceptionKind Kind, string? Start, string? End, string? Note, string? HolidayName);

/// <summary>The signed-in expert's availability, with the next free slot as search sees it and whether a private feed exists.</summary>
public sealed record AvailabilityView(
    IReadOnlyList<WeeklyRangeInput> Weekly,
    int BufferMinutes,
    int MinimumNoticeHours,
    int HorizonDays,
    bool WorksOnHolidays,
    IReadOnlyList<AvailabilityExceptionView> Exceptions,
    string? FeedToken,
    DateTimeOffset? NextFreeSlotAt);

[ExpertOnly]
public sealed record GetAvailabilityQuery : IQuery<AvailabilityView?>;

public sealed class GetAvailabilityHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetAvailabilityQuery, AvailabilityView?>
{
    public async ValueTask<AvailabilityView?> Handle(GetAvailabilityQuery query, CancellationToken ct)
    {
        var expert = await db.Experts.AsNoTracking().OwnedBy(user).Select(e => new { e.Id, e.NextFreeSlotAt }).SingleOrDefaultAsync(ct);
        if (expert is null) return null;
        var a = await db.ExpertAvailabilities.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(x => x.ExpertId == expert.Id, ct)
            ?? ExpertAvailability.CreateFor(expert.Id, clock.GetUtcNow());
        var today = JapanTime.Today(clock);
        return new AvailabilityView(
            [.. a.Weekly.OrderBy(r => ((int)r.Day + 6) % 7).ThenBy(r => r.StartMinute)
                .Select(r => new WeeklyRangeInput(r.Day, TimeText.Format(r.Start, false), TimeText.Format(r.End, true)))],
            a.BufferMinutes, a.MinimumNoticeHours, a.HorizonDays, a.WorksOnHolidays,
            [.. a.Exceptions.Where(e => e.Date >= today).OrderBy(e => e.Date).ThenBy(e => e.Start)
                .Select(e => new AvailabilityExceptionView(e.Id, e.Date, e.Kind,
                    e.Start is { } s ? TimeText.Format(s, false) : null, e.End is { } en ? TimeText.Format(en, true) : null, e.Note,
                    Domain.Reference.JapaneseHolidays.Covers(e.Date) ? Domain.Reference.JapaneseHolidays.NameOf(e.Date) : null))],
            a.FeedToken,
            expert.NextFreeSlotAt);
    }
}
