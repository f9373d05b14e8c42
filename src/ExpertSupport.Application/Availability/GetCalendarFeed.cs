using ExpertSupport.Application.Bookings;
using ExpertSupport.Application.Calendar;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Experts;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Availability;

/// <summary>The calendar name and events of a private feed.</summary>
public sealed record CalendarFeed(string Name, IReadOnlyList<CalendarEvent> Events);

/// <summary>
/// The private feed of the expert whose secret is <paramref name="Token"/>: confirmed and completed sessions from
/// 90 days back on (cancelled ones drop out). No login: the secret is the key. Null for an unknown token.
/// </summary>
[Anyone]
public sealed record GetCalendarFeedQuery(string Token) : IQuery<CalendarFeed?>;

public sealed class GetCalendarFeedHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<GetCalendarFeedQuery, CalendarFeed?>
{
    public async ValueTask<CalendarFeed?> Handle(GetCalendarFeedQuery query, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(query.Token) || query.Token.Length > 64) return null;
        var expert = await (
            from a in db.ExpertAvailabilities.AsNoTracking()
            where a.FeedToken == query.Token
            join e in db.Experts on a.ExpertId equals e.Id
            join u in db.Users on e.UserId equals u.Id
            select new { e.Id, e.DisplayName, u.Email }).SingleOrDefaultAsync(ct);
        if (expert is null) return null;

        var since = clock.GetUtcNow().AddDays(-90);
        var rows = await (
            from b in db.Bookings.AsNoTracking()
            where b.ExpertId == expert.Id && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Completed) && b.EndAt >= since
            join c in db.Companies on b.CompanyId equals c.Id
            join cu in db.Users on c.UserId equals cu.Id
            join p in db.SupportPlans on b.PlanId equals p.Id
            orderby b.StartAt
            select new { Booking = b, Parties = new BookingParties(c.Name, cu.Email ?? "", expert.DisplayName, expert.Email ?? "", p.Title, c.Address) })
            .Take(2_000).ToListAsync(ct);
        return new CalendarFeed($"ExpertSupport: {expert.DisplayName}", [.. rows.Select(r => BookingEmails.Event(r.Booking, r.Parties))]);
    }
}
